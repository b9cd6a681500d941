package ma.amo.regulation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The fields of the regulator's forms read where they enter: each bounded in length, characters, range or list
 * before any service sees it. A problem is recorded as field → rule ({@link PageProblems} says it in words); the
 * services check again what only they know (a duplicate, a status, a product already reimbursed).
 */
final class FormFields {

	private final MultiValueMap<String, String> form;
	private final Map<String, String> typed = new LinkedHashMap<>();
	private final Map<String, String> problems = new LinkedHashMap<>();

	FormFields(MultiValueMap<String, String> form) {
		this.form = form;
	}

	/** What was typed, to show the form again; each value cut to a length no field accepts beyond. */
	Map<String, String> typed() {
		return typed;
	}

	/** field → rule of the problems found. */
	Map<String, String> problems() {
		return problems;
	}

	boolean valid() {
		return problems.isEmpty();
	}

	private String raw(String field) {
		String value = form.getFirst(field);
		value = value == null ? "" : value;
		typed.put(field, value.length() > 2_000 ? value.substring(0, 2_000) : value);
		return value.strip();
	}

	/** A text of {@code max} characters at most, with no control character but line breaks. */
	String text(String field, int max, boolean required) {
		String value = raw(field);
		if (value.isEmpty()) {
			if (required) {
				problems.put(field, "required");
			}
			return null;
		}
		if (value.length() > max) {
			problems.put(field, "max-length");
			return null;
		}
		if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			problems.put(field, "characters");
			return null;
		}
		return value;
	}

	/** A text that must match {@code pattern} (its rule named {@code rule}). */
	String matching(String field, String pattern, String rule, boolean required) {
		String value = text(field, 100, required);
		if (value != null && !value.matches(pattern)) {
			problems.put(field, rule);
			return null;
		}
		return value;
	}

	/** One of an enumeration's constants, by name. */
	<E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
		String value = raw(field);
		if (value.isEmpty()) {
			if (required) {
				problems.put(field, "required");
			}
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		problems.put(field, "enum");
		return null;
	}

	/** One of the values a list offers. */
	String oneOf(String field, java.util.Collection<String> allowed, boolean required) {
		String value = raw(field);
		if (value.isEmpty()) {
			if (required) {
				problems.put(field, "required");
			}
			return null;
		}
		if (!allowed.contains(value)) {
			problems.put(field, "enum");
			return null;
		}
		return value;
	}

	/** A date as the browser's date field sends it ({@code yyyy-MM-dd}), between two bounds. */
	LocalDate date(String field, LocalDate earliest, LocalDate latest, boolean required) {
		String value = raw(field);
		if (value.isEmpty()) {
			if (required) {
				problems.put(field, "required");
			}
			return null;
		}
		try {
			LocalDate date = value.length() == 10 ? LocalDate.parse(value) : null;
			if (date == null) {
				problems.put(field, "date");
				return null;
			}
			if (date.isBefore(earliest) || date.isAfter(latest)) {
				problems.put(field, "date-range");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			problems.put(field, "date");
			return null;
		}
	}

	/** An amount in dirhams ("12,50" or "12.50"), from 0.01 to 1,000,000, two decimals at most. */
	BigDecimal amount(String field, boolean required) {
		String value = raw(field).replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(',', '.');
		if (value.isEmpty()) {
			if (required) {
				problems.put(field, "required");
			}
			return null;
		}
		if (!value.matches("\\d{1,7}(\\.\\d{1,2})?")) {
			problems.put(field, "amount");
			return null;
		}
		BigDecimal amount = new BigDecimal(value);
		if (amount.signum() <= 0 || amount.compareTo(new BigDecimal("1000000")) > 0) {
			problems.put(field, "amount");
			return null;
		}
		return amount;
	}

	/** A whole number from 1, or null with a problem. */
	Long id(String field, boolean required) {
		String value = raw(field);
		if (value.isEmpty()) {
			if (required) {
				problems.put(field, "required");
			}
			return null;
		}
		if (!value.matches("\\d{1,12}") || Long.parseLong(value) < 1) {
			problems.put(field, "number");
			return null;
		}
		return Long.parseLong(value);
	}

	/** A page number of a list, 0 when absent or malformed (the list then starts at its first page). */
	static int page(String typed) {
		return typed != null && typed.matches("\\d{1,5}") ? Integer.parseInt(typed) : 0;
	}

	/** An identifier in a page's path: digits only, or nothing is found. */
	static long pathId(String typed, String what) {
		if (typed == null || !typed.matches("\\d{1,12}")) {
			throw new ma.amo.shared.NotFound("id", "no " + what + " " + typed);
		}
		return Long.parseLong(typed);
	}
}
