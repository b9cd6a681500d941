package ma.amo.payments;

/**
 * A bank return file that is well-formed but does not match what the platform sent (unknown file type, batch,
 * transfer, amount or currency, a batch whose file never left): refused whole, answered 422 naming the entry.
 */
public class BankReturnRefused extends RuntimeException {

	private final String field;
	private final String rule;

	public BankReturnRefused(String field, String rule, String message) {
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
