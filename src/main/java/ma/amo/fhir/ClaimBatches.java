package ma.amo.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a Bundle of type {@code batch} of up to 200 Claims, each entry {@code POST Claim/$submit}
 * with the Claim as its resource: each is submitted on its own, exactly as alone (its own transaction, idempotent by
 * its identifier), and answered on its own in the batch-response, a ClaimResponse or an OperationOutcome with its
 * status. A {@code transaction} Bundle (all or nothing) is not offered: claims are independent.
 */
@Component
class ClaimBatches {

	static final int MOST_ENTRIES = 200;

	private final ClaimProvider.Submissions submissions;
	private final Refusals refusals;

	ClaimBatches(ClaimProvider.Submissions submissions, Refusals refusals) {
		this.submissions = submissions;
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
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			Bundle.BundleEntryComponent entry = bundle.getEntry().get(i);
			Bundle.BundleEntryComponent answered = answer.addEntry();
			try {
				Claim claim = claim(entry, i);
				ClaimResponse response = submissions.submit(claim, request);
				answered.setResource(response).getResponse().setStatus("200 OK")
					.setLocation("ClaimResponse/" + response.getIdPart());
			}
			catch (RuntimeException refused) {
				BaseServerResponseException outcome = refusals.refusal(request, refused);
				answered.getResponse().setStatus(Integer.toString(outcome.getStatusCode()))
					.setOutcome((OperationOutcome) outcome.getOperationOutcome());
			}
			finally {
				request.getUserData().remove(Refusals.PATHS);
			}
		}
		return answer;
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
