package ma.amo.claims;

import java.time.Instant;
import java.time.LocalDate;

/** A received claim whose adjudication failed, kept out of the queue with the error until an agent puts it back. */
public record SetAsideClaim(long id, String submitter, String patientIdcs, LocalDate careDate, LocalDate filedOn,
		Instant setAsideAt, String reason) {
}
