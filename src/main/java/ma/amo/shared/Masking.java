package ma.amo.shared;

import java.util.regex.Pattern;

/**
 * How personal data appear in logs and in {@code toString}: never in clear (loi 09-08). An IDCS keeps its last two
 * digits, enough to tell two lines apart when following a case; names, CIN and diagnoses show nothing.
 */
public final class Masking {

	/** Ten digits alone: an IDCS (or a phone number, masked as well). */
	private static final Pattern IDCS = Pattern.compile("(?<![0-9])[0-9]{8}([0-9]{2})(?![0-9])");
	/** One or two capitals then three to six digits: a CIN. */
	private static final Pattern CIN = Pattern.compile("\\b[A-Z]{1,2}[0-9]{3,6}\\b");

	private Masking() {
	}

	public static String idcs(String idcs) {
		return idcs == null ? null : idcs.length() <= 2 ? "**" : "*".repeat(idcs.length() - 2) + idcs.substring(idcs.length() - 2);
	}

	/** A name, a CIN, a diagnosis or a note: only whether there is one. */
	public static String hidden(Object value) {
		return value == null ? null : "***";
	}

	/** A free text (a log message) with the IDCS and CIN it may quote masked. */
	public static String text(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = IDCS.matcher(text).replaceAll("********$1");
		return CIN.matcher(masked).replaceAll("***");
	}
}
