package ma.amo.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a date written {@code yyyy-MM-dd} without {@link java.time.format.DateTimeFormatter}: the formatter builds a
 * map of parsed fields for every date, and an eligibility answer reads a dozen dates from its cover file, so that the
 * formatter's garbage alone set the pace of the collector under load. The strict form (four digits, dash, two digits,
 * dash, two digits, a real day of the calendar) is all PostgreSQL writes for a {@code date::text} of our years and all
 * the API accepts.
 */
public final class IsoDate {

	private IsoDate() {
	}

	/** The date, or null when the text is not exactly {@code yyyy-MM-dd} or not a real day (31 April, 29 February 2027). */
	public static LocalDate parseOrNull(CharSequence text) {
		if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		if (year < 0 || month < 0 || day < 0) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	/** The date of a text PostgreSQL wrote for a date column; a text in another form is an error of the query. */
	public static LocalDate parse(String text) {
		if (text == null) {
			return null;
		}
		LocalDate date = parseOrNull(text);
		return date != null ? date : LocalDate.parse(text);
	}

	private static int digits(CharSequence text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}
}
