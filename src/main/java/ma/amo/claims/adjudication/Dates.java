package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as French readers write them in the reasons. */
final class Dates {

	private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Dates() {
	}

	static String french(LocalDate date) {
		return FRENCH.format(date);
	}
}
