package ma.amo.payments;

import java.time.Instant;

import ma.amo.shared.Money;

/**
 * A claim already paid was decided again, for less than it was paid (a contest upheld after payment): the difference
 * was paid too much and is owed back by the payee. The claims module publishes it in the transaction of the new
 * decision; payments records the overpayment and recovers it from the payee's next transfers. The type is declared
 * here, beside the payment facts the claims module already reacts to, so that payments hears it without depending
 * on claims (which depends on payments).
 *
 * @param claimId the claim
 * @param paidCovered the covered amount the claim was paid on
 * @param revisedCovered the covered amount of the new decision
 * @param revisedBy the agent who decided again
 * @param reason why, as the agent wrote it
 * @param revisedAt when, by the business clock
 */
public record PaidClaimRevised(long claimId, Money paidCovered, Money revisedCovered, String revisedBy, String reason,
		Instant revisedAt) {

	/** What was paid too much: never negative (a claim decided again for more is paid by a later batch, not here). */
	public Money overpaid() {
		Money difference = paidCovered.minus(revisedCovered);
		return difference.amount().signum() > 0 ? difference : Money.ZERO;
	}
}
