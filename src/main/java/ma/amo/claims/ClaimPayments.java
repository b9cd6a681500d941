package ma.amo.claims;

import java.util.ArrayList;
import java.util.List;

import ma.amo.payments.PaymentBatchCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Marks the claims of a payment batch PAID when payments tells that the batch exists. The registry delivers the event
 * again after a failure or a crash, so a claim already paid is left as it is: each claim is paid once, with one step
 * in its history and one {@link ClaimPaid}.
 */
@Component
class ClaimPayments {

	private static final Logger log = LoggerFactory.getLogger(ClaimPayments.class);

	private final Claims claims;
	private final ApplicationEventPublisher events;

	ClaimPayments(Claims claims, ApplicationEventPublisher events) {
		this.claims = claims;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PaymentBatchCreated batch) {
		List<Claim> paid = new ArrayList<>();
		for (Claim claim : claims.lock(batch.claimIds())) {
			if (claim.status() == ClaimStatus.PAID) {
				continue;
			}
			try {
				claim.paid();
				paid.add(claim);
			}
			catch (ClaimTransitionRefused refused) {
				// The money is sent with the batch whatever the claim's status; a claim contested between its batch and
				// this event stays with its agent, who sees the batch in the payment records. Failing here would hold
				// the whole batch's claims back at every delivery.
				log.warn("Claim {} of payment batch {} not marked paid: {}", claim.id(), batch.reference(),
						refused.getMessage());
			}
		}
		claims.paid(paid, batch.createdBy(), "Lot de paiement " + batch.reference());
		paid.forEach(claim -> events.publishEvent(new ClaimPaid(claim.id(), batch.reference())));
	}
}
