package ma.amo.population.imports;

import java.time.LocalDate;

/** Field checks shared by the extracts; each returns why a value is refused, or null. */
final class Fields {

	private Fields() {
	}

	static final LocalDate EARLIEST = LocalDate.of(1890, 1, 1);

	/** Parses an ISO date (yyyy-MM-dd) without the cost of a formatter; null when malformed. */
	static LocalDate date(String value) {
		if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 7);
		int day = digits(value, 8, 10);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	private static int digits(String value, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	static String text(String value, int maxLength) {
		if (value == null) {
			return "is required";
		}
		return value.length() > maxLength ? "is longer than " + maxLength + " characters" : null;
	}
}
