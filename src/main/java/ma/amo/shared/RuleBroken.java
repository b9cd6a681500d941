package ma.amo.shared;

/**
 * A well-formed request that a business rule refuses (a person already dependant of another member, a regime
 * period that overlaps another...). Reported as 409 with the rule's code; nothing was changed.
 */
public class RuleBroken extends RuntimeException {

	private final String field;
	private final String rule;

	public RuleBroken(String field, String rule, String message) {
		super(message);
		this.field = field;
		this.rule = rule;
	}

	public String field() {
		return field;
	}

	public String rule() {
		return rule;
	}
}
