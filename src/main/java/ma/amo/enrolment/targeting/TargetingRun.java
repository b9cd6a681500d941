package ma.amo.enrolment.targeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One targeting pass and its counts: households registered in Tadamon, rejected (with a reason that changed), and
 * moved out of Tadamon with an Achamil offer.
 *
 * @param importJobId the household file or RSU extract that caused it (none for a threshold change)
 * @param evaluatedOn the date the scores and threshold were read on (none for a file: each household's application date)
 * @param rightsEventId the rights event the members' rights history names (none when nobody's regime changed)
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "TargetingRun")
public record TargetingRun(long id, Cause cause, Long importJobId, LocalDate evaluatedOn, BigDecimal threshold,
		Status status, int registered, int rejected, int leftTadamon, Long rightsEventId, String message,
		Instant startedAt, Instant finishedAt) {

	public enum Cause {
		HOUSEHOLD_FILE, RSU_EXTRACT, THRESHOLD_CHANGE
	}

	public enum Status {
		RUNNING, COMPLETED, FAILED
	}
}
