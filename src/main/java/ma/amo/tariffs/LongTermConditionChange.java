package ma.amo.tariffs;

import java.time.Instant;
import java.time.LocalDate;

import ma.amo.shared.RuleBroken;

/**
 * A change to the ALD list a regulator proposes: add a condition, change its terms (label, lifelong exemption, years
 * of an exemption) or retire it, from a date. Applied when a second regulator account approves it; the proposer can
 * neither approve nor reject it.
 */
public record LongTermConditionChange(long id, Action action, int code, String label, Boolean lifelongExemption,
		Integer exemptionYears, String source, LocalDate effectiveFrom, String reason, Status status, String proposedBy,
		Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote) {

	public enum Action {
		ADD, CHANGE, RETIRE
	}

	public enum Status {
		PROPOSED, APPLIED, REJECTED
	}

	/** The checker's decision: only on a proposed change, never by its proposer. */
	void decidedBy(String checker) {
		if (status != Status.PROPOSED) {
			throw new RuleBroken("id", "already-decided", "ALD list change " + id + " is already " + status);
		}
		if (checker.equals(proposedBy)) {
			throw new RuleBroken("account", "maker-checker", "the regulator who proposed a change cannot approve or reject it");
		}
	}
}
