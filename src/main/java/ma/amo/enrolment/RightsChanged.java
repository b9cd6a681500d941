package ma.amo.enrolment;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's rights as a member changed: they opened, closed, were suspended or reopened on some days. Published in
 * the transaction of the rights event that changed them, when that event touched few people; an event that touched
 * many (a portfolio load, a bank statement) publishes one {@link RightsChangedInBulk} instead.
 *
 * @param idcs the person
 * @param rightsEventId the rights event that changed them (as the rights history shows it)
 * @param kind the kind of that event ({@code ENROLMENT}, {@code END_OF_REGIME}, {@code SUSPENSION}, {@code PAYMENT}…)
 * @param steps each day from which the status differs from what was known, in date order
 */
public record RightsChanged(String idcs, long rightsEventId, String kind, List<Step> steps) {

	/** From {@code from}, the rights were {@code before} and are now {@code after}. */
	public record Step(LocalDate from, RightsStatus before, RightsStatus after) {
	}

	/** Whether the rights are no longer open on some day they were open before. */
	public boolean closedSomewhere() {
		return steps.stream().anyMatch(s -> s.before() == RightsStatus.OPEN && s.after() != RightsStatus.OPEN);
	}
}
