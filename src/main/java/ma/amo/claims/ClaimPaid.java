package ma.amo.claims;

/**
 * A claim was paid in a payment batch. Published once per claim, in the transaction that marks it PAID.
 *
 * @param claimId the claim
 * @param batchReference the payment batch's reference
 */
public record ClaimPaid(long claimId, String batchReference) {
}
