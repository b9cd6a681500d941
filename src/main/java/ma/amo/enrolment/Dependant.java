package ma.amo.enrolment;

import java.time.LocalDate;

import ma.amo.shared.Masking;

/**
 * A spouse or child attached to a member (ayant droit). A child is covered until the day before their 21st
 * birthday, until 26 while {@code studentUntil} certifies unmarried studies, and without age limit when disabled.
 */
public record Dependant(long id, long memberId, String idcs, Relation relation, LocalDate startDate,
		LocalDate endDate, EndReason endReason, LocalDate studentUntil, boolean disabled) {

	/** Masked: the disability of a dependant is health data. */
	@Override
	public String toString() {
		return "Dependant[id=" + id + ", memberId=" + memberId + ", idcs=" + Masking.idcs(idcs) + ", relation="
				+ relation + ", startDate=" + startDate + ", endDate=" + endDate + ", disabled=***]";
	}

	public enum Relation {
		SPOUSE, CHILD
	}

	public enum EndReason {
		/** The spouse divorced: cover is kept for a while (amo-rules.md). */
		DIVORCE,
		/** Any other end (marriage of a child, own cover elsewhere, correction). */
		OTHER
	}

	public boolean activeOn(LocalDate date) {
		return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
	}
}
