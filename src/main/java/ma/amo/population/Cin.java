package ma.amo.population;

/**
 * The national identity card number (CIN / CNIE): one or two letters of the issuing office then up to six digits,
 * e.g. {@code AB123456}, {@code J45678}.
 */
public final class Cin {

	private Cin() {
	}

	/** Upper-cased and trimmed, as the register stores it. */
	public static String normalise(String cin) {
		return cin == null ? null : cin.strip().toUpperCase(java.util.Locale.ROOT);
	}

	/** Why {@code cin} (normalised) is not a CIN, or null when it is. */
	public static String problem(String cin) {
		int letters = 0;
		while (letters < cin.length() && cin.charAt(letters) >= 'A' && cin.charAt(letters) <= 'Z') {
			letters++;
		}
		int digits = cin.length() - letters;
		if (letters < 1 || letters > 2 || digits < 1 || digits > 6) {
			return "must be 1 or 2 letters followed by 1 to 6 digits (e.g. AB123456)";
		}
		for (int i = letters; i < cin.length(); i++) {
			if (cin.charAt(i) < '0' || cin.charAt(i) > '9') {
				return "must be 1 or 2 letters followed by 1 to 6 digits (e.g. AB123456)";
			}
		}
		return null;
	}
}
