package ma.amo.fhir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimSubmissions;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a Bundle of type {@code batch} of up to 200 Claims, each entry {@code POST Claim/$submit}
 * with the Claim as its resource, answered entry by entry in the batch-response: a ClaimResponse or an
 * OperationOutcome with its status. Each claim is checked on its own, exactly as alone (idempotent by its
 * identifier, one bad entry never failing the others), and the accepted ones are stored together by the claims
 * module's batched submission ({@link ClaimSubmissions}: one transaction and one COPY per table); then the new ones are
 * adjudicated together, in the order of the Bundle, as the claims module adjudicates a chunk of its queue: one round of
 * reads and writes for the Bundle rather than one per claim. A {@code transaction} Bundle (all or nothing) is not
 * offered: claims are independent.
 */
@Component
class ClaimBatches {

	static final int MOST_ENTRIES = 200;

	private static final Logger log = LoggerFactory.getLogger(ClaimBatches.class);

	private final ClaimAdjudication claims;
	private final Reads reads;
	private final ProfileValidation profiles;
	private final Refusals refusals;
	private final ClaimSubmissions submissions;

	ClaimBatches(ClaimAdjudication claims, ClaimSubmissions submissions, Reads reads, ProfileValidation profiles,
			Refusals refusals) {
		this.claims = claims;
		this.submissions = submissions;
		this.reads = reads;
		this.profiles = profiles;
		this.refusals = refusals;
	}

	@Transaction
	public Bundle batch(@TransactionParam Bundle bundle, RequestDetails request) {
		if (bundle.getType() != Bundle.BundleType.BATCH) {
			throw new InvalidInput("Bundle.type", "batch", "a Bundle of claims is a batch, each claim answered on its own");
		}
		if (bundle.getEntry().size() > MOST_ENTRIES) {
			throw new InvalidInput("Bundle.entry", "size", MOST_ENTRIES + " entries at most");
		}
		Bundle answer = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		// Each entry mapped and checked on its own; those the FHIR side accepts go to the claims module together.
		List<ClaimSubmissions.Submission> mapped = new ArrayList<>(bundle.getEntry().size());
		List<Integer> mappedAt = new ArrayList<>(bundle.getEntry().size());
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			answer.addEntry();
			try {
				mapped.add(submission(claim(bundle.getEntry().get(i), i), request));
				mappedAt.add(i);
			}
			catch (RuntimeException refused) {
				refuse(answer.getEntry().get(i), request, refused);
			}
			finally {
				request.getUserData().remove(Refusals.PATHS);
			}
		}
		List<ClaimSubmissions.Outcome> outcomes = submissions.submitAll(mapped);
		Long[] stored = new Long[bundle.getEntry().size()];
		List<Long> fresh = new ArrayList<>();
		for (int n = 0; n < outcomes.size(); n++) {
			ClaimSubmissions.Outcome outcome = outcomes.get(n);
			if (!outcome.accepted()) {
				// The claims module names the request's fields: the Claim's elements they come from are named instead.
				request.getUserData().put(Refusals.PATHS, (UnaryOperator<String>) ClaimMapping::path);
				try {
					refuse(answer.getEntry().get(mappedAt.get(n)), request, outcome.refusal());
				}
				finally {
					request.getUserData().remove(Refusals.PATHS);
				}
				continue;
			}
			stored[mappedAt.get(n)] = outcome.claimId();
			if (!outcome.repeated()) {
				fresh.add(outcome.claimId());
			}
		}
		adjudicate(fresh);
		// The Bundle's claims read back together, as adjudicated: four queries for the Bundle, not four per claim.
		Iterator<ma.amo.claims.Claim> read = claims.claims(Arrays.stream(stored).filter(Objects::nonNull).toList()).iterator();
		List<String> changed = new ArrayList<>();
		for (int i = 0; i < stored.length; i++) {
			if (stored[i] != null) {
				ClaimResponse response = ClaimResponses.of(read.next());
				answer.getEntry().get(i).setResource(response).getResponse().setStatus("200 OK")
					.setLocation("ClaimResponse/" + response.getIdPart());
				changed.add(response.getIdPart());
			}
		}
		if (!changed.isEmpty()) {
			reads.changed(request, "CLAIM", changed, "CLAIM_PROCESSING");
		}
		request.getUserData().put(ClaimBatchAnswers.ANSWER, answer);
		return answer;
	}

	/** The claim checked and mapped to the claims module's request, under its identifier as the key; not stored yet. */
	private ClaimSubmissions.Submission submission(Claim claim, RequestDetails request) {
		request.getUserData().put(Refusals.PATHS, (UnaryOperator<String>) ClaimMapping::path);
		profiles.checkIncoming(claim);
		ClaimMapping.Mapped mapped = ClaimMapping.from(claim);
		Viewer.current().filter(v -> v.role() == Viewer.Role.PROVIDER && !mapped.providerInpe().equals(v.inpe()))
			.ifPresent(v -> {
				throw new AccessRefused("a provider numbers its claims in its own namespace, " + Canonical.claimsOf(v.inpe()));
			});
		return new ClaimSubmissions.Submission(Viewer.actingAccount(),
				ClaimResponses.key(mapped.providerInpe(), mapped.identifier()), mapped.request());
	}

	private void refuse(Bundle.BundleEntryComponent answered, RequestDetails request, RuntimeException refused) {
		BaseServerResponseException outcome = refusals.refusal(request, refused);
		answered.getResponse().setStatus(Integer.toString(outcome.getStatusCode()))
			.setOutcome((OperationOutcome) outcome.getOperationOutcome());
	}

	private void adjudicate(List<Long> fresh) {
		try {
			claims.adjudicateTogether(fresh);
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException notNow) {
			// The claims are stored and stay in the queue, adjudicated by its next run: each is answered as received,
			// its ClaimResponse read again later.
			log.warn("A batch of {} claims left to the adjudication queue: {}", fresh.size(), notNow.getMessage());
		}
	}

	private static Claim claim(Bundle.BundleEntryComponent entry, int i) {
		String url = entry.getRequest().getUrl();
		if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || !"Claim/$submit".equals(url)) {
			throw new InvalidInput("Bundle.entry[" + i + "].request", "submit", "each entry is POST Claim/$submit");
		}
		if (!(entry.getResource() instanceof Claim claim)) {
			throw new InvalidInput("Bundle.entry[" + i + "].resource", "claim", "each entry's resource is a Claim");
		}
		return claim;
	}
}
