package ma.amo.payments;

import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.Money;

/**
 * The claims a payment batch may pay, as the module that owns claims tells them. Payments declares what it needs and
 * the claims module answers it, so that payments reads claims without depending on the claims module; the claims
 * learn that they are paid from {@link PaymentBatchCreated}, never by a call from payments.
 */
public interface PayableClaims {

	/** Who receives a claim's payment. */
	enum PayeeKind {
		MEMBER, ESTABLISHMENT
	}

	/** A claim to pay: the payer body's share to the payee, and the State's share recorded beside it. */
	record Payable(long claimId, PayeeKind payeeKind, String payee, String regime, Money covered, Money stateShare) {
	}

	/**
	 * Locks the payer body's claims decided by the end of {@code cutOff} and not paid yet, oldest decision first;
	 * claims another batch is paying at the same moment are skipped. Runs within the caller's transaction: the locks
	 * last until the batch that pays them is committed.
	 */
	List<Payable> lockPayable(String payerBody, LocalDate cutOff);
}
