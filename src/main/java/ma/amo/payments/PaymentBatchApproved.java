package ma.amo.payments;

import java.util.List;

/**
 * A payment batch was approved by a second finance account: its claims are paid. Published in the transaction that
 * approves the batch; the claims module marks the claims PAID on it.
 *
 * @param batchId the batch
 * @param reference its reference, on the bank file and in each claim's history
 * @param approvedBy the account that approved it
 * @param claimIds the claims the batch pays
 * @param approvedAt when, by the business clock: the claims' payment date
 */
public record PaymentBatchApproved(long batchId, String reference, String approvedBy, List<Long> claimIds,
		java.time.Instant approvedAt) {

	public PaymentBatchApproved {
		claimIds = List.copyOf(claimIds);
	}
}
