package ma.amo.shared;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds every value meets where it enters the platform, whatever the field: JSON bodies (through
 * {@link StrictJson}), query parameters and the rows of uploaded files. A field may ask for less (a name of 100
 * characters, an amount with two decimals) with a constraint on its request record; it never gets more. Each check
 * answers the problem in words, or null when the value is within bounds.
 */
public final class InputBounds {

	/** Longest text of any field; the longest legitimate one (a complaint's description) is 10,000 characters. */
	public static final int LONGEST_TEXT = 10_000;

	/** Dates of people, care and contributions: none of the platform's business lies before or after. */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
	public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

	/** Digits before the decimal point: a billion dirhams is already beyond any claim or payment. */
	public static final int INTEGER_DIGITS = 12;

	/** Decimals of any number (coefficients and rates need more than the two of an amount). */
	public static final int DECIMALS = 4;


	private InputBounds() {
	}

	/**
	 * What is wrong with a text: a NUL or another control character (PostgreSQL refuses NUL, the others only hide
	 * text from those who read it), half of a surrogate pair (not a character: it cannot be written as UTF-8), or
	 * more than {@link #LONGEST_TEXT} characters.
	 */
	public static String textProblem(String text) {
		return textProblem(text, LONGEST_TEXT);
	}

	public static String textProblem(String text, int longest) {
		if (text.length() > longest) {
			return "must be " + longest + " characters at most";
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return "must not contain a NUL character";
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
				return "must not contain control characters";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "must not contain half of a surrogate pair (not a character)";
			}
			if (Character.isLowSurrogate(c)) {
				return "must not contain half of a surrogate pair (not a character)";
			}
			if (c == '\uFFFD') {
				return "must not contain U+FFFD, the mark of bytes that were not valid UTF-8";
			}
		}
		return null;
	}

	/** A date written yyyy-MM-dd, a real day of the calendar, between 1900 and 2100; null when it is not. */
	public static LocalDate date(String text) {
		// Four digits of year exactly: the ISO parser alone accepts "+10000-01-01" and years of any length.
		LocalDate date = IsoDate.parseOrNull(text);
		return date != null && dateProblem(date) == null ? date : null;
	}

	public static String dateProblem(LocalDate date) {
		return date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)
				? "must be a date between " + EARLIEST_DATE + " and " + LATEST_DATE : null;
	}

	/** The sentence for a date refused by {@link #date(String)}. */
	public static String dateRule() {
		return "must be a real date written yyyy-MM-dd, between " + EARLIEST_DATE + " and " + LATEST_DATE;
	}

	/**
	 * What is wrong with a number: more than {@link #INTEGER_DIGITS} digits before the point or {@link #DECIMALS}
	 * after it. Read from precision and scale only, so that {@code 1e200000} costs nothing to refuse.
	 */
	public static String decimalProblem(BigDecimal value) {
		String problem = magnitudeProblem(value);
		if (problem != null) {
			return problem;
		}
		if (value.scale() > DECIMALS && value.stripTrailingZeros().scale() > DECIMALS) {
			return "must have " + DECIMALS + " decimals at most";
		}
		return null;
	}

	/**
	 * What is wrong with the size of a number read from a file, whose decimals are rounded after (a spreadsheet
	 * writes 41.800000000000004 for 41.80): more than {@link #INTEGER_DIGITS} digits before the point, or so many
	 * after it that the number is not a price but an attempt to exhaust the machine ({@code 1e-200000}).
	 */
	public static String magnitudeProblem(BigDecimal value) {
		long integerDigits = (long) value.precision() - value.scale();
		if (integerDigits > INTEGER_DIGITS) {
			return "must have " + INTEGER_DIGITS + " digits at most before the decimal point";
		}
		if (value.scale() > 30) {
			return "must have 30 decimals at most";
		}
		return null;
	}
}
