package ma.amo.claims;

import ma.amo.payments.PaymentBatchCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Marks the claims of a payment batch PAID when payments tells that the batch exists. The registry delivers the event
 * again after a failure or a crash, so a claim already paid is left as it is: each claim is paid once, with one step
 * in its history.
 */
@Component
class ClaimPayments {

	private final Claims claims;

	ClaimPayments(Claims claims) {
		this.claims = claims;
	}

	@ApplicationModuleListener
	void on(PaymentBatchCreated batch) {
		claims.paid(batch.claimIds(), batch.createdBy(), "Lot de paiement " + batch.reference());
	}
}
