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

	public List<Violation> violations() {
		return violations;
	}
}
