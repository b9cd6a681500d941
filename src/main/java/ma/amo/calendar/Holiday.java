package ma.amo.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A public holiday of a year: its first day and how many days it lasts (two for the Eids and the Mawlid). Fixed
 * holidays are {@code FIXED} by law; religious ones are {@code PROPOSED} from the Umm al-Qura calendar until an
 * administrator confirms them or moves them to the day the Ministry of Habous announced ({@code CONFIRMED}).
 */
public record Holiday(long id, int year, String code, String name, LocalDate firstDay, int days, Kind kind,
		Status status, LocalDate proposedDay, String decidedBy, Instant decidedAt) {

	public enum Kind {
		FIXED, RELIGIOUS
	}

	public enum Status {
		FIXED, PROPOSED, CONFIRMED
	}

	/** Whether {@code date} is one of the holiday's days. */
	public boolean covers(LocalDate date) {
		return !date.isBefore(firstDay) && date.isBefore(firstDay.plusDays(days));
	}
}
