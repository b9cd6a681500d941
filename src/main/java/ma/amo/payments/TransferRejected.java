package ma.amo.payments;

import java.util.List;

/**
 * The bank rejected or returned a transfer: its claims were not paid and are released for the next batch. Published
 * in the transaction that imports the bank's return; the claims module puts the claims back to payable on it.
 *
 * @param batchId the batch of the transfer
 * @param endToEndId the transfer's end-to-end identifier
 * @param reasonCode the bank's ISO 20022 reason code (e.g. AC04)
 * @param reasonLabel the reason in French
 * @param importedBy the account that imported the return
 * @param claimIds the claims the transfer paid
 */
public record TransferRejected(long batchId, String endToEndId, String reasonCode, String reasonLabel,
		String importedBy, List<Long> claimIds) {

	public TransferRejected {
		claimIds = List.copyOf(claimIds);
	}
}
