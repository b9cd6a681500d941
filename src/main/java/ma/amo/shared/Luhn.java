package ma.amo.shared;

/**
 * The Luhn (mod 10) check digit: from the rightmost digit, every other digit is doubled (9 subtracted when over 9);
 * the check digit brings the sum to a multiple of 10. It catches every single wrong digit and almost every swap of
 * two neighbours, which is why the platform's own identifiers (INPE, employer affiliation) end with one.
 */
public final class Luhn {

	private Luhn() {
	}

	public static int checkDigit(CharSequence digits) {
		int sum = 0;
		boolean doubled = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d = d * 2 > 9 ? d * 2 - 9 : d * 2;
			}
			sum += d;
			doubled = !doubled;
		}
		return (10 - sum % 10) % 10;
	}
}
