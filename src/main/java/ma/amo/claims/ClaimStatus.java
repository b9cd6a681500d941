package ma.amo.claims;

/**
 * Where a claim stands: RECEIVED (waiting for adjudication) → ADJUDICATED → IN_REVIEW when the rules or the sample
 * send it to an agent → APPROVED, PARTIALLY_APPROVED (some lines reduced or rejected) or REJECTED → PAID. A contest
 * sends a decided claim back to IN_REVIEW.
 */
public enum ClaimStatus {
	RECEIVED, ADJUDICATED, IN_REVIEW, APPROVED, PARTIALLY_APPROVED, REJECTED, PAID;

	boolean decided() {
		return this == APPROVED || this == PARTIALLY_APPROVED || this == REJECTED;
	}
}
