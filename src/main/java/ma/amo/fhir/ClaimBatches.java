package ma.amo.fhir;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.claims.ClaimAdjudication;
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
 * OperationOutcome with its status. Each claim is checked and stored on its own, exactly as alone (its own
 * transaction, idempotent by its identifier, one bad entry never failing the others); then the new ones are
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

	ClaimBatches(ClaimAdjudication claims, Reads reads, ProfileValidation profiles, Refusals refusals) {
		this.claims = claims;
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
		List<Long> stored = new ArrayList<>(bundle.getEntry().size());
		List<Long> fresh = new ArrayList<>();
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			Bundle.BundleEntryComponent answered = answer.addEntry();
			try {
				ClaimAdjudication.Submitted submitted = store(claim(bundle.getEntry().get(i), i), request);
				stored.add(submitted.claim().id());
				if (!submitted.repeated()) {
					fresh.add(submitted.claim().id());
				}
			}
			catch (RuntimeException refused) {
				stored.add(null);
				BaseServerResponseException outcome = refusals.refusal(request, refused);
				answered.getResponse().setStatus(Integer.toString(outcome.getStatusCode()))
					.setOutcome((OperationOutcome) outcome.getOperationOutcome());
			}
			finally {
				request.getUserData().remove(Refusals.PATHS);
			}
		}
		adjudicate(fresh);
		// The Bundle's claims read back together, as adjudicated: four queries for the Bundle, not four per claim.
		Iterator<ma.amo.claims.Claim> read = claims.claims(stored.stream().filter(Objects::nonNull).toList()).iterator();
		List<String> changed = new ArrayList<>();
		for (int i = 0; i < stored.size(); i++) {
			if (stored.get(i) != null) {
				ClaimResponse response = ClaimResponses.of(read.next());
				answer.getEntry().get(i).setResource(response).getResponse().setStatus("200 OK")
					.setLocation("ClaimResponse/" + response.getIdPart());
				changed.add(response.getIdPart());
			}
		}
		if (!changed.isEmpty()) {
			reads.changed(request, "CLAIM", changed, "CLAIM_PROCESSING");
		}
		return answer;
	}

	/** The claim checked and stored (or found stored under its identifier), not adjudicated yet. */
	private ClaimAdjudication.Submitted store(Claim claim, RequestDetails request) {
		request.getUserData().put(Refusals.PATHS, (UnaryOperator<String>) ClaimMapping::path);
		profiles.checkIncoming(claim);
		ClaimMapping.Mapped mapped = ClaimMapping.from(claim);
		Viewer.current().filter(v -> v.role() == Viewer.Role.PROVIDER && !mapped.providerInpe().equals(v.inpe()))
			.ifPresent(v -> {
				throw new AccessRefused("a provider numbers its claims in its own namespace, " + Canonical.claimsOf(v.inpe()));
			});
		return claims.submit(Viewer.actingAccount(), ClaimResponses.key(mapped.providerInpe(), mapped.identifier()),
				mapped.request());
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
