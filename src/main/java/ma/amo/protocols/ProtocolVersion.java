package ma.amo.protocols;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.RuleBroken;

/**
 * A version of a condition's therapeutic protocol: its number for the condition, the days it applies (until null: until
 * a later version), its source and its items. Applies to care once a second regulator account has approved it; the
 * proposer can neither approve nor reject it.
 */
public record ProtocolVersion(long id, int conditionCode, String conditionLabel, int version, LocalDate effectiveFrom,
		LocalDate effectiveUntil, String source, Status status, String proposedBy, Instant proposedAt, String decidedBy,
		Instant decidedAt, String decisionNote, List<ProtocolItem> items) {

	public enum Status {
		PROPOSED, APPROVED, REJECTED
	}

	/** Whether the version's days hold {@code date} (whatever its status). */
	public boolean covers(LocalDate date) {
		return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
	}

	/** The checker's decision: only on a proposed version, never by its proposer. */
	void decidedBy(String checker) {
		if (status != Status.PROPOSED) {
			throw new RuleBroken("id", "already-decided", "protocol version " + id + " is already " + status);
		}
		if (checker.equals(proposedBy)) {
			throw new RuleBroken("account", "maker-checker",
					"the regulator who proposed a protocol version cannot approve or reject it");
		}
	}

	/**
	 * The approved version of a condition in force on a date among {@code versions}: the one with the latest start on or
	 * before it whose days hold it; none when the condition has no protocol that day.
	 */
	public static java.util.Optional<ProtocolVersion> inForce(List<ProtocolVersion> versions, int condition, LocalDate date) {
		return versions.stream()
			.filter(v -> v.status() == Status.APPROVED && v.conditionCode() == condition && !v.effectiveFrom().isAfter(date))
			.max(java.util.Comparator.comparing(ProtocolVersion::effectiveFrom))
			.filter(v -> v.covers(date));
	}
}
