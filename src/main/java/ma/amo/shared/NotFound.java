package ma.amo.shared;

/** The record the request names does not exist. Reported as 404 naming what was looked for. */
public class NotFound extends RuntimeException {

	private final String field;

	public NotFound(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
