package ma.amo.approvals;

/**
 * Where a prior approval stands. {@code PENDING}: the pre-check passed, a medical reviewer decides within the legal
 * delay; {@code MORE_INFORMATION_REQUESTED}: the reviewer asked the establishment a question, its answer puts the
 * request back to {@code PENDING} with a new delay; {@code APPROVED} (amount, validity, sessions; extended while
 * approved) and {@code REJECTED} (with its reason, by the reviewer or by the pre-check) are decisions.
 */
public enum ApprovalStatus {
	PENDING, MORE_INFORMATION_REQUESTED, APPROVED, REJECTED
}
