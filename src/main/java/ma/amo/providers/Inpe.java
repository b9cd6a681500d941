package ma.amo.providers;

import ma.amo.shared.Luhn;

/**
 * The national identifier of a health professional or establishment (INPE), as the platform assigns it: eight digits
 * then a Luhn check digit, so that a mistyped INPE on a claim is caught before any look-up.
 */
public final class Inpe {

	private Inpe() {
	}

	public static String of(long number) {
		String digits = Long.toString(number);
		return digits + check(digits);
	}

	static int check(String digits) {
		return Luhn.checkDigit(digits);
	}

	/** Why {@code value} is not an INPE, or null when it is. */
	public static String problem(String value) {
		if (value == null || !value.matches("\\d{9}")) {
			return "must have 9 digits";
		}
		return check(value.substring(0, 8)) == value.charAt(8) - '0' ? null : "check digit does not match";
	}
}
