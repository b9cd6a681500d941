package ma.amo.enrolment;

/**
 * A member's registration number (immatriculation): nine digits then a two-digit key equal to 97 − (number mod 97),
 * the key used by social-security numbers, which catches any single wrong digit and most swaps. CNSS numbers start
 * at 100000001, CNOPS numbers at 500000001, so a number alone says its payer body.
 */
public final class RegistrationNumber {

	private RegistrationNumber() {
	}

	public static String of(long number) {
		return "%09d%02d".formatted(number, key(number));
	}

	static long key(long number) {
		return 97 - number % 97;
	}

	/** Why {@code value} is not a registration number, or null when it is. */
	public static String problem(String value) {
		if (value == null || !value.matches("\\d{11}")) {
			return "must have 11 digits (9-digit number and 2-digit key)";
		}
		long number = Long.parseLong(value.substring(0, 9));
		return key(number) == Long.parseLong(value.substring(9)) ? null : "check key does not match";
	}
}
