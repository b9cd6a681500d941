package ma.amo.payments;

import ma.amo.shared.InvalidInput;

/**
 * A Moroccan bank account number (relevé d'identité bancaire): 24 digits, bank code 3, locality 3, account 16 and a
 * key of 2 computed as the French RIB's (key = 97 − ((the first 22 digits × 100) mod 97)), with its IBAN form
 * {@code MA} + 2 check digits (ISO 13616, mod 97) + the 24 digits. Checked on the published example IBAN
 * MA64 0115 1900 0001 2050 0053 4921 (see {@code amo-rules.md}). A transfer is never sent to a number that fails
 * its key: a wrong digit or two swapped digits is caught by it.
 */
public record Rib(String digits) {

	public Rib {
		if (digits == null || digits.length() != 24 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("a RIB has 24 digits");
		}
	}

	/** Longest text read: an IBAN written in groups of four with spaces is 34 characters. */
	static final int MAX_LENGTH = 40;

	/**
	 * Reads a RIB (24 digits) or an IBAN ({@code MA} and 26 characters), spaces allowed between groups as they are
	 * printed on bank documents; refused naming the field and the rule when the form or a key is wrong.
	 */
	public static Rib parse(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInput(field, "required", "is required");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInput(field, "rib-format", "must be a RIB of 24 digits or an IBAN MA followed by 26 digits");
		}
		String compact = text.replace(" ", "");
		if (compact.startsWith("MA")) {
			if (compact.length() != 28 || !digitsOnly(compact, 2)) {
				throw new InvalidInput(field, "iban-format", "an IBAN of Morocco is MA followed by 26 digits");
			}
			if (mod97(compact.substring(4) + "2210" + compact.substring(2, 4)) != 1) {
				throw new InvalidInput(field, "iban-check", "the check digits of the IBAN do not match its account number");
			}
			compact = compact.substring(4);
		}
		else if (compact.length() != 24 || !digitsOnly(compact, 0)) {
			throw new InvalidInput(field, "rib-format", "must be a RIB of 24 digits or an IBAN MA followed by 26 digits");
		}
		Rib rib = new Rib(compact);
		if (!rib.key().equals(keyOf(compact.substring(0, 22)))) {
			throw new InvalidInput(field, "rib-key", "the RIB key " + rib.key() + " does not match its 22 first digits");
		}
		return rib;
	}

	public String bank() {
		return digits.substring(0, 3);
	}

	public String locality() {
		return digits.substring(3, 6);
	}

	public String account() {
		return digits.substring(6, 22);
	}

	public String key() {
		return digits.substring(22);
	}

	/** The IBAN: check digits = 98 − (account number followed by "MA00" as digits, M = 22, A = 10) mod 97. */
	public String iban() {
		int check = 98 - mod97(digits + "221000");
		return "MA" + (check < 10 ? "0" : "") + check + digits;
	}


	/** The key of a RIB's first 22 digits, on two digits (01 to 97). */
	public static String keyOf(String first22) {
		int key = 97 - (mod97(first22) * 100) % 97;
		return (key < 10 ? "0" : "") + key;
	}

	private static int mod97(String numeric) {
		int remainder = 0;
		for (int i = 0; i < numeric.length(); i++) {
			remainder = (remainder * 10 + numeric.charAt(i) - '0') % 97;
		}
		return remainder;
	}

	private static boolean digitsOnly(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}
}
