package ma.amo.payments;

import java.util.List;

/**
 * A payment batch was prepared: its claims are held by it until it is approved or cancelled. Published in the
 * transaction that stores the batch, so the fact
 * exists exactly when the batch does. The claims are paid on {@link PaymentBatchApproved}.
 *
 * @param batchId the batch
 * @param reference its reference, on the bank file and in each claim's history
 * @param createdBy the account that made the batch
 * @param claimIds the claims the batch pays
 */
public record PaymentBatchCreated(long batchId, String reference, String createdBy, List<Long> claimIds) {

	public PaymentBatchCreated {
		claimIds = List.copyOf(claimIds);
	}
}
