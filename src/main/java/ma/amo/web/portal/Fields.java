package ma.amo.web.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import ma.amo.providers.Inpe;

/**
 * The single fields of the portal's forms, checked where they enter (length, characters, range), each problem put in
 * French beside its field; the business services check again what only they know (the IDCS check digit, a known
 * act).
 */
final class Fields {

	private Fields() {
	}

	/** A date typed {@code yyyy-MM-dd} (the browser's date field), from {@code earliest} to {@code latest}. */
	static LocalDate date(Map<String, String> errors, String field, String label, String typed, LocalDate earliest,
			LocalDate latest) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			errors.put(field, label + " : à renseigner");
			return null;
		}
		try {
			LocalDate date = text.length() == 10 ? LocalDate.parse(text) : null;
			if (date == null) {
				throw new DateTimeParseException("length", text, 0);
			}
			if (date.isBefore(earliest) || date.isAfter(latest)) {
				errors.put(field, label + " : du " + French.date(earliest) + " au " + French.date(latest));
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			errors.put(field, label + " : une date (jj/mm/aaaa)");
			return null;
		}
	}

	/** An IDCS: digits only, 9 to 12 of them; the register checks its key. */
	static String idcs(Map<String, String> errors, String field, String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			errors.put(field, "IDCS : à renseigner");
			return null;
		}
		if (!text.matches("\\d{9,12}")) {
			errors.put(field, "IDCS : 9 à 12 chiffres");
			return null;
		}
		return text;
	}

	/** An INPE: nine digits with their key. */
	static String inpe(Map<String, String> errors, String field, String label, String typed, boolean required) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			if (required) {
				errors.put(field, label + " : à renseigner");
			}
			return null;
		}
		if (text.length() > 9 || Inpe.problem(text) != null) {
			errors.put(field, label + " : neuf chiffres, clé comprise");
			return null;
		}
		return text;
	}

	/** A reference of the platform (a prior approval's {@code PA-2026-000000001}): optional, 30 characters at most. */
	static String reference(Map<String, String> errors, String field, String label, String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[A-Za-z0-9-]{1,30}")) {
			errors.put(field, label + " : 30 caractères au plus, lettres, chiffres et tirets");
			return null;
		}
		return text.toUpperCase(java.util.Locale.ROOT);
	}

	/** A text: required or not, {@code max} characters at most, no control character but line breaks. */
	static String text(Map<String, String> errors, String field, String label, String typed, int max, boolean required) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			if (required) {
				errors.put(field, label + " : à renseigner");
			}
			return null;
		}
		if (text.length() > max) {
			errors.put(field, label + " : " + max + " caractères au plus");
			return null;
		}
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			errors.put(field, label + " : caractères non acceptés");
			return null;
		}
		return text;
	}

	/** A whole number from {@code min} to {@code max}, optional. */
	static Integer number(Map<String, String> errors, String field, String label, String typed, int min, int max) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("\\d{1,6}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
			errors.put(field, label + " : un nombre entier de " + min + " à " + max);
			return null;
		}
		return Integer.parseInt(text);
	}

	/** Dates as the pages write them. */
	static final class French {

		private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

		private French() {
		}

		static String date(LocalDate date) {
			return date.format(DAY);
		}
	}
}
