package ma.amo.enrolment;

import java.time.LocalDate;

/** A period in which an enrolment's rights are suspended; open-ended while {@code endDate} is null. */
public record Suspension(long id, long enrolmentId, LocalDate startDate, LocalDate endDate, String reason) {

	public boolean covers(LocalDate date) {
		return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
	}
}
