package ma.amo.claims;

/**
 * Where a claim stands: RECEIVED (waiting for adjudication) → ADJUDICATED → IN_REVIEW when the rules or the sample
 * send it to an agent → APPROVED, PARTIALLY_APPROVED (some lines reduced or rejected) or REJECTED → PAID. A contest
 * sends a decided claim back to IN_REVIEW. A received claim whose adjudication failed is set aside (still RECEIVED,
 * out of the queue) until an agent puts it back. Each step is an operation of {@link Claim}.
 */
public enum ClaimStatus {
	RECEIVED, ADJUDICATED, IN_REVIEW, APPROVED, PARTIALLY_APPROVED, REJECTED, PAID;

	boolean decided() {
		return this == APPROVED || this == PARTIALLY_APPROVED || this == REJECTED;
	}

	/** Rejected when every line is, approved when every line is accepted as billed, partially approved otherwise. */
	static ClaimStatus decision(java.util.List<Claim.Outcome> lines) {
		if (lines.stream().allMatch(o -> o == Claim.Outcome.REJECTED)) {
			return REJECTED;
		}
		return lines.stream().allMatch(o -> o == Claim.Outcome.ACCEPTED) ? APPROVED : PARTIALLY_APPROVED;
	}
}
