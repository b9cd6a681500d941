package ma.amo.complaints;

import java.time.LocalDate;
import java.util.List;

/** A complaint as its complainant sees it: the steps and their dates, the answer, but not who inside did what. */
public record ComplainantView(long id, Complainant complainant, Category category, String categoryLabel,
		String subject, String description, String claimReference, ComplaintStatus status, String statusLabel,
		LocalDate filedOn, LocalDate acknowledgementDue, LocalDate answerDue, LocalDate acknowledgedOn,
		LocalDate answeredOn, String answer, LocalDate escalatedOn, LocalDate closedOn, List<Step> steps) {

	public record Step(LocalDate on, ComplaintStatus status, String label, String comment) {
	}
}
