package ma.amo.complaints;

import java.time.LocalDate;

/**
 * A complaint past a legal due date on the day asked: the days its acknowledgement and its answer are late (null when
 * that step is not late), and the larger of the two.
 */
public record Overdue(long id, Complainant complainant, Category category, String categoryLabel,
		ComplaintStatus status, String statusLabel, LocalDate filedOn, LocalDate acknowledgementDue, LocalDate answerDue,
		String assignee, Integer acknowledgementDaysLate, Integer answerDaysLate, int daysLate) {
}
