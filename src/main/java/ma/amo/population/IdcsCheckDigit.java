package ma.amo.population;

import ma.amo.shared.Luhn;

/**
 * How the tenth digit of an IDCS is derived from the first nine. The register's own algorithm is not published, so
 * the platform lets the operator choose it ({@code amo.population.idcs-check-digit}); the default is Luhn.
 * <ul>
 * <li>{@link #LUHN}: from the rightmost of the nine digits, every other digit is doubled (9 subtracted when the
 * result is over 9); the check digit is what brings the sum to a multiple of 10. Catches every single-digit error
 * and almost every swap of adjacent digits.</li>
 * <li>{@link #MOD_11}: digits weighted 10, 9, … 2 from the left; check digit = (11 − sum mod 11) mod 11, and
 * numbers whose check would be 10 are never issued.</li>
 * </ul>
 */
public enum IdcsCheckDigit {
	LUHN {
		@Override
		int compute(CharSequence digits) {
			return Luhn.checkDigit(digits);
		}
	},
	MOD_11 {
		@Override
		int compute(CharSequence digits) {
			int sum = 0;
			for (int i = 0; i < digits.length(); i++) {
				sum += (digits.charAt(i) - '0') * (10 - i);
			}
			int check = (11 - sum % 11) % 11;
			return check == 10 ? -1 : check;
		}
	};

	/** The check digit of nine digits, or -1 when no valid IDCS starts with them. */
	abstract int compute(CharSequence nineDigits);

	/** Why {@code idcs} is not a valid IDCS, or null when it is. */
	public String problem(String idcs) {
		if (idcs == null || idcs.isEmpty()) {
			return "is required";
		}
		if (idcs.length() != 10) {
			return "must have 10 digits";
		}
		for (int i = 0; i < 10; i++) {
			char c = idcs.charAt(i);
			if (c < '0' || c > '9') {
				return "must have 10 digits";
			}
		}
		int expected = compute(idcs.subSequence(0, 9));
		if (expected != idcs.charAt(9) - '0') {
			return "check digit does not match (" + name() + ")";
		}
		return null;
	}

	/** The IDCS made of nine digits and their check digit, or null when none exists for them. */
	public String complete(String nineDigits) {
		int check = compute(nineDigits);
		return check < 0 ? null : nineDigits + check;
	}
}
