package ma.amo.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Months as the API writes them ({@code yyyy-MM}) and as the platform stores them (their first day). */
public final class Months {

	private Months() {
	}

	/** The first day of the month {@code text}; a 400 naming {@code field} when it is missing or malformed. */
	public static LocalDate firstDay(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInput(field, "required", "is required (yyyy-MM)");
		}
		LocalDate first;
		try {
			first = YearMonth.parse(text.strip()).atDay(1);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(field, "format", "'" + text + "' is not a month (yyyy-MM)");
		}
		if (InputBounds.dateProblem(first) != null) {
			throw new InvalidInput(field, "range", "must be a month between " + InputBounds.EARLIEST_DATE.getYear()
					+ " and " + InputBounds.LATEST_DATE.getYear());
		}
		return first;
	}
}
