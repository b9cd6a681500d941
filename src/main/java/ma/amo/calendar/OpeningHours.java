package ma.amo.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** The hours a working day is open, e.g. 08:30 to 16:30; written {@code 08:30-16:30} in the parameters. */
public record OpeningHours(LocalTime opens, LocalTime closes) {

	public OpeningHours {
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("a working day opens before it closes: " + opens + "-" + closes);
		}
	}

	/** Reads {@code HH:mm-HH:mm}. */
	public static OpeningHours parse(String text) {
		String[] bounds = text.strip().split("-");
		if (bounds.length != 2) {
			throw new IllegalArgumentException("working hours are written HH:mm-HH:mm, not '" + text + "'");
		}
		try {
			return new OpeningHours(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip()));
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("working hours are written HH:mm-HH:mm, not '" + text + "'", e);
		}
	}

	public Duration length() {
		return Duration.between(opens, closes);
	}

	@Override
	public String toString() {
		return opens + "-" + closes;
	}
}
