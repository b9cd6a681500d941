package ma.amo.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint as agents see it: the complainant, what it is about, where it stands, its legal due dates (computed at
 * filing and stored, so a later change of the delays does not move them), who handles it, its whole history and the
 * internal notes. The complainant sees {@link ComplainantView} instead.
 */
public record Complaint(long id, Complainant complainant, Category category, String categoryLabel, String subject,
		String description, String claimReference, ComplaintStatus status, String statusLabel, LocalDate filedOn,
		LocalDate acknowledgementDue, LocalDate answerDue, LocalDate acknowledgedOn, String assignee,
		LocalDate answeredOn, String answer, LocalDate escalatedOn, LocalDate closedOn, List<Event> history,
		List<Note> notes) {

	/** One step in the history: the action, the date it counts from, who did it and their comment. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ComplaintEvent")
	public record Event(LocalDate on, Instant at, String action, ComplaintStatus status, String actor, String comment) {
	}

	/** An agent's internal note, never shown to the complainant. */
	public record Note(Instant at, String author, String text) {
	}

	/** What the complainant sees: no agent names, no assignment comment, no internal notes. */
	public ComplainantView forComplainant() {
		return new ComplainantView(id, complainant, category, categoryLabel, subject, description, claimReference, status,
				statusLabel, filedOn, acknowledgementDue, answerDue, acknowledgedOn, answeredOn, answer, escalatedOn,
				closedOn, history.stream()
					.map(e -> new ComplainantView.Step(e.on(), e.status(), e.status().label(),
							e.status() == ComplaintStatus.ASSIGNED ? null : e.comment()))
					.toList());
	}
}
