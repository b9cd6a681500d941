package ma.amo.shared;

import java.util.List;

/** The request was malformed or broke a validation rule; nothing was changed. Reported as 400. */
public class InvalidInput extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInput(List<Violation> violations) {
		super(violations.isEmpty() ? "invalid input" : violations.getFirst().field() + ": " + violations.getFirst().message());
		this.violations = List.copyOf(violations);
	}

	public InvalidInput(String field, String rule, String message) {
		this(List.of(new Violation(field, rule, message)));
	}

	/** A required text, stripped, of at most {@code max} characters; refused naming the field otherwise. */
	public static String requiredText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "required", "is required");
		}
		if (value.strip().length() > max) {
			throw new InvalidInput(field, "max-length", "at most " + max + " characters");
		}
		return value.strip();
	}

	public List<Violation> violations() {
		return violations;
	}
}
