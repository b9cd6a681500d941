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
		Instant createdAt, int claims, Money paid, Money stateShare, List<Transfer> transfers) {

	/** What one payee receives in the batch, for how many claims. */
	public record Transfer(PayeeKind payeeKind, String payee, int claims, Money amount, Money stateShare) {
	}
}
