package ma.amo.shared;

/**
 * The client's key of an external submission (a claim, a payment, a batch, a complaint): the same key again returns
 * the first result and creates nothing, so a client may resend after a timeout without paying or filing twice.
 */
public final class IdempotencyKey {

	private static final int LONGEST = 100;

	private IdempotencyKey() {
	}

	/** Refuses a missing, blank or over-long key, naming the field. */
	public static void require(String key) {
		if (key == null || key.isBlank() || key.length() > LONGEST) {
			throw new InvalidInput("idempotencyKey", "required",
					"an idempotency key of 1 to " + LONGEST + " characters is required");
		}
	}
}
