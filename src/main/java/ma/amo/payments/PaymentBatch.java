package ma.amo.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.shared.Money;

/**
 * A payment batch: the claims of one payer body decided by the cut-off date, paid in one transfer per payee. The
 * payer body pays {@code paid}; {@code stateShare} is what the State owes for Tadamon patients in public
 * establishments, carried to the State's statement.
 */
public record PaymentBatch(long id, String reference, String payerBody, LocalDate cutOff, String createdBy,
		Instant createdAt, int claims, Money paid, Money stateShare, List<Transfer> transfers, List<Held> heldBack) {

	/**
	 * What one payee receives in the batch, for how many claims, and the account it is sent to (null for batches made
	 * before accounts were recorded).
	 */
	public record Transfer(PayeeKind payeeKind, String payee, int claims, Money amount, Money stateShare, String iban) {
	}

	/** A payee whose claims the batch did not pay, and why: they wait for a later batch. */
	public record Held(PayeeKind payeeKind, String payee, int claims, Money amount, HoldReason reason, String message) {
	}

	/** Why a payee is held back. */
	public enum HoldReason {
		/** No bank account recorded for the payee from the batch's day or before. */
		NO_BANK_ACCOUNT
	}
}
