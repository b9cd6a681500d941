package ma.amo.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.shared.Money;

/**
 * A payment batch: the claims of one payer body decided by the cut-off date, paid in one transfer per payee. The
 * payer body pays {@code paid}; {@code stateShare} is what the State owes for Tadamon patients in public
 * establishments, carried to the State's statement. A batch is {@code PREPARED} by one finance account and
 * {@code APPROVED} by another before its bank file may leave (four eyes); a prepared batch may be {@code CANCELLED}.
 */
public record PaymentBatch(long id, String reference, String payerBody, LocalDate cutOff, String createdBy,
		Instant createdAt, int claims, Money paid, Money stateShare, List<Transfer> transfers, List<Held> heldBack,
		Status status, String approvedBy, Instant approvedAt, Instant exportedAt, BatchSummary summary) {

	/** Where the batch is in its maker-checker life. */
	public enum Status {
		PREPARED, APPROVED, CANCELLED
	}

	/**
	 * What the bank said of a transfer: sent (nothing heard yet), settled, or rejected with its reason; NETTED when
	 * overpayments recovered all of it, so nothing is sent.
	 */
	public enum TransferStatus {
		SENT, SETTLED, REJECTED, NETTED
	}

	/**
	 * What one payee receives in the batch, for how many claims, the account it is sent to (null for batches made
	 * before accounts were recorded), the end-to-end identifier the bank file gives it, and what the bank said of it.
	 * {@code amount} is what is sent: what the claims cover less {@code recovered}, the overpayments netted against it.
	 */
	public record Transfer(PayeeKind payeeKind, String payee, int claims, Money amount, Money recovered, Money stateShare, String iban,
			String endToEndId, TransferStatus status, String reasonCode, String reasonLabel) {
	}

	/** A payee whose claims the batch did not pay, and why: they wait for a later batch. */
	public record Held(PayeeKind payeeKind, String payee, int claims, Money amount, HoldReason reason, String message) {
	}

	/** Why a payee is held back. */
	public enum HoldReason {
		/** No bank account recorded for the payee from the batch's day or before. */
		NO_BANK_ACCOUNT,
		/** The payee's account was reported closed by the bank (AC04): a new account must be recorded. */
		ACCOUNT_CLOSED
	}

	/** Counts and amounts of a group of transfers or held payees. */
	public record Totals(int payees, int claims, Money amount) {
	}

	/**
	 * What the approver checks before approving: the whole batch, its transfers to members and to establishments, the
	 * payees held back, the transfers the bank rejected so far, and the overpayments netted against the transfers
	 * (their total is {@code paid} less what the transfers send).
	 */
	public record BatchSummary(Totals total, Totals members, Totals establishments, Totals heldBack, Totals rejected,
			Money recovered) {
	}

	/** The identifier a transfer carries end to end, from the bank file to the bank's returns. */
	public static String endToEndId(String reference, String payee) {
		return reference + "-" + payee;
	}
}
