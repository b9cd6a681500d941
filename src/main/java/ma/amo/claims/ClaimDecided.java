package ma.amo.claims;

import ma.amo.shared.Money;

/**
 * A claim was decided, by the rules or by an agent: approved, partially approved or rejected. Published in the
 * transaction that stores the decision, for whoever follows claims (payments, indicators, the FHIR interface).
 *
 * @param claimId the claim
 * @param status the decision
 * @param payerBody who pays it (null when the patient has no rights)
 * @param covered what the payer body covers
 * @param stateShare what the State owes beside it (Tadamon care in public establishments)
 * @param priorApproval the prior approval the claim cites (null when none), whose uses a rejected claim gives back
 */
public record ClaimDecided(long claimId, ClaimStatus status, String payerBody, Money covered, Money stateShare,
		String priorApproval) {
}
