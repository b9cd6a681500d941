package ma.amo.fhir;

import java.util.List;
import java.util.function.UnaryOperator;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code POST /fhir/Claim/$submit} of a Claim with {@code use=claim}: stored and adjudicated by the claims module's
 * own submission, answered with its ClaimResponse; with {@code use=preauthorization}, a prior approval request
 * ({@link Preauthorizations}). The claim is idempotent by its identifier in the provider's
 * namespace (system {@code .../sid/inpe/{inpe}/claims}): submitted again, it is not stored twice and the answer is the
 * same ClaimResponse. {@code GET /fhir/ClaimResponse/{id}} reads it again, within the reader's scope (a provider its
 * own claims), e.g. to follow a claim in review.
 */
@Configuration(proxyBeanMethods = false)
class ClaimProvider {

	@Bean
	Submissions fhirClaims(ClaimAdjudication claims, Reads reads, ProfileValidation profiles,
			Preauthorizations preauthorizations) {
		return new Submissions(claims, reads, profiles, preauthorizations);
	}

	@Bean
	Responses fhirClaimResponses(ClaimAdjudication claims, Reads reads, Preauthorizations preauthorizations) {
		return new Responses(claims, reads, preauthorizations);
	}

	static final class Submissions implements IResourceProvider {

		private final ClaimAdjudication claims;
		private final Reads reads;
		private final ProfileValidation profiles;
		private final Preauthorizations preauthorizations;

		Submissions(ClaimAdjudication claims, Reads reads, ProfileValidation profiles,
				Preauthorizations preauthorizations) {
			this.claims = claims;
			this.reads = reads;
			this.profiles = profiles;
			this.preauthorizations = preauthorizations;
		}

		/** {@code $validate}: the specification's rules, then what the platform needs to adjudicate the claim. */
		@Validate
		public MethodOutcome validate(@ResourceParam Claim claim) {
			return new MethodOutcome().setOperationOutcome(profiles.validate(claim, () -> {
				if (preauthorization(claim)) {
					PreauthorizationMapping.from(claim);
				}
				else {
					ClaimMapping.from(claim);
				}
			}));
		}

		@Override
		public Class<Claim> getResourceType() {
			return Claim.class;
		}

		@Operation(name = "$submit", idempotent = false)
		public ClaimResponse submit(@OperationParam(name = "resource", min = 1, max = 1) Claim claim,
				RequestDetails request) {
			profiles.checkIncoming(claim);
			if (preauthorization(claim)) {
				return preauthorizations.submit(claim, request);
			}
			request.getUserData().put(Refusals.PATHS, (UnaryOperator<String>) ClaimMapping::path);
			ClaimMapping.Mapped mapped = ClaimMapping.from(claim);
			Viewer.current().filter(v -> v.role() == Viewer.Role.PROVIDER && !mapped.providerInpe().equals(v.inpe()))
				.ifPresent(v -> {
					throw new AccessRefused("a provider numbers its claims in its own namespace, "
							+ Canonical.claimsOf(v.inpe()));
				});
			ClaimAdjudication.Submitted submitted = claims.submit(Viewer.actingAccount(),
					ClaimResponses.key(mapped.providerInpe(), mapped.identifier()), mapped.request());
			ma.amo.claims.Claim stored = submitted.claim();
			if (!submitted.repeated()) {
				stored = claims.adjudicate(stored.id()).orElse(claims.claim(stored.id()));
			}
			reads.changed(request, "CLAIM", Long.toString(stored.id()), "CLAIM_PROCESSING");
			return ClaimResponses.of(stored);
		}

		private static boolean preauthorization(Claim claim) {
			return claim.getUse() == Claim.Use.PREAUTHORIZATION;
		}
	}

	static final class Responses implements IResourceProvider {

		private final ClaimAdjudication claims;
		private final Reads reads;
		private final Preauthorizations preauthorizations;

		Responses(ClaimAdjudication claims, Reads reads, Preauthorizations preauthorizations) {
			this.claims = claims;
			this.reads = reads;
			this.preauthorizations = preauthorizations;
		}

		@Override
		public Class<ClaimResponse> getResourceType() {
			return ClaimResponse.class;
		}

		@Read
		public ClaimResponse read(@IdParam IdType id, RequestDetails request) {
			if (Preauthorizations.names(id.getIdPart())) {
				return preauthorizations.read(id.getIdPart(), request);
			}
			long claimId;
			try {
				claimId = Long.parseLong(id.getIdPart());
			}
			catch (NumberFormatException e) {
				throw new InvalidInput("ClaimResponse.id", "number", "a ClaimResponse is named by "
						+ "the claim's number, or by the prior approval's reference (PA-yyyy-nnnnnn)");
			}
			ma.amo.claims.Claim claim = claims.claim(claimId);
			reads.read(request, "CLAIM", List.of(Long.toString(claim.id())), "CLAIM_PROCESSING");
			return ClaimResponses.of(claim);
		}
	}
}
