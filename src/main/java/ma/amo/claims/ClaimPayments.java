package ma.amo.claims;

import java.util.ArrayList;
import java.util.List;

import ma.amo.payments.PaymentBatchApproved;
import ma.amo.payments.TransferRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Marks the claims of a payment batch PAID when payments tells that a second finance account approved the batch, and
 * puts them back to their decision (approved or partially approved, payable again) when the bank rejects their
 * transfer. The registry delivers an event again after a failure or a crash, so a claim already in the state the
 * event asks for is left as it is: each claim is paid once per batch, with one step in its history and one
 * {@link ClaimPaid}.
 */
@Component
class ClaimPayments {

	private static final Logger log = LoggerFactory.getLogger(ClaimPayments.class);

	private final Claims claims;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;

	ClaimPayments(Claims claims, ApplicationEventPublisher events, JdbcClient jdbc) {
		this.claims = claims;
		this.events = events;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(PaymentBatchApproved batch) {
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
		claims.paid(paid, batch.approvedBy(), "Lot de paiement " + batch.reference(), batch.approvedAt());
		paid.forEach(claim -> events.publishEvent(new ClaimPaid(claim.id(), batch.reference())));
	}

	/**
	 * The bank rejected the transfer that paid these claims: each PAID claim goes back to the decision it was paid on
	 * (its last approved or partially approved step), with a step saying why, and the next batch pays it. A claim no
	 * longer PAID (the event delivered again) is left as it is.
	 */
	@ApplicationModuleListener
	void on(TransferRejected rejected) {
		if (rejected.claimIds().isEmpty()) {
			return;
		}
		List<Long> back = jdbc.sql("""
				update claim c set status = (select e.status from claim_event e where e.claim_id = c.id
				                             and e.status in ('APPROVED', 'PARTIALLY_APPROVED') order by e.id desc limit 1)
				where c.id = any(?) and c.status = 'PAID'
				  and exists (select 1 from claim_event e where e.claim_id = c.id and e.status in ('APPROVED', 'PARTIALLY_APPROVED'))
				returning c.id""")
			.param(rejected.claimIds().toArray(Long[]::new)).query(Long.class).list();
		String comment = "virement rejeté par la banque : " + rejected.reasonLabel() + " (" + rejected.reasonCode() + ", "
				+ rejected.endToEndId() + ")";
		for (Long id : back) {
			jdbc.sql("insert into claim_event (claim_id, status, actor, comment) select id, status, ?, ? from claim where id = ?")
				.params(rejected.importedBy(), comment, id).update();
		}
	}
}
