package ma.amo.tariffs;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A version of the medicines referential: proposed by one agent, published (or rejected) by another, in force from
 * its effective date until the next published version.
 */
public record MedicineReferential(long id, LocalDate effectiveFrom, Status status, String fileName, int medicines,
		String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt) {

	public enum Status {
		PROPOSED, PUBLISHED, REJECTED
	}
}
