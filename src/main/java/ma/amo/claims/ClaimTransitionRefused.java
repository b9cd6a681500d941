package ma.amo.claims;

import ma.amo.shared.RuleBroken;

/**
 * A claim was asked for a step its status does not allow (a review of a claim not in review, a payment of a claim not
 * approved...). Answered as 409 naming the rule; the claim is unchanged.
 */
public class ClaimTransitionRefused extends RuleBroken {

	private final long claimId;
	private final ClaimStatus status;

	ClaimTransitionRefused(long claimId, ClaimStatus status, String rule, String allowed) {
		super("status", rule, "claim " + claimId + " is " + status + ": " + allowed);
		this.claimId = claimId;
		this.status = status;
	}

	public long claimId() {
		return claimId;
	}

	public ClaimStatus status() {
		return status;
	}
}
