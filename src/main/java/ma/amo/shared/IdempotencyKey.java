package ma.amo.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The client's key of an external submission (a claim, a payment, a batch, a complaint): the same key again returns
 * the first result and creates nothing, so a client may resend after a timeout without paying or filing twice.
 */
public final class IdempotencyKey {

	private static final int LONGEST = 100;

	/**
	 * How long a submission waits for another under the same key to finish before it is refused as still in
	 * progress: far above the time one submission takes, far below what keeps a connection of the pool held.
	 */
	static final String LONGEST_WAIT = "5s";

	private IdempotencyKey() {
	}

	/** Refuses a missing, blank or over-long key, naming the field. */
	public static void require(String key) {
		if (key == null || key.isBlank() || key.length() > LONGEST) {
			throw new InvalidInput("idempotencyKey", "required",
					"an idempotency key of 1 to " + LONGEST + " characters is required");
		}
		String problem = InputBounds.textProblem(key);
		if (problem != null) {
			throw new InvalidInput("idempotencyKey", "text", problem);
		}
	}

	/**
	 * Holds the key for the rest of the current transaction, before its earlier use is looked up: parallel
	 * submissions under one key then run one after the other, so the first stores and the others find what it
	 * stored, instead of racing to the unique index (a 500) or both storing. The wait, and every lock wait after it
	 * in the transaction, is bounded: beyond {@link #LONGEST_WAIT} the submission is refused as still in progress.
	 *
	 * @param scope what the key identifies within (the kind of submission, and its submitter when keys are theirs)
	 */
	public static void hold(JdbcClient jdbc, String scope, String key) {
		jdbc.sql("select set_config('lock_timeout', ?, true)").param(LONGEST_WAIT).query(String.class).single();
		jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 0))) held")
			.param(scope + "\n" + key).query(Integer.class).single();
	}

	/**
	 * Holds several keys of one scope-and-key form each ({@code scope + "\n" + key}, as {@link #hold} takes them) for
	 * the rest of the current transaction, in one statement. They are taken in a fixed order (their hash's), so two
	 * batches sharing keys wait for each other instead of locking each other out; the wait is bounded as in
	 * {@link #hold}.
	 */
	public static void holdAll(JdbcClient jdbc, java.util.Collection<String> scopedKeys) {
		if (scopedKeys.isEmpty()) {
			return;
		}
		jdbc.sql("select set_config('lock_timeout', ?, true)").param(LONGEST_WAIT).query(String.class).single();
		jdbc.sql("""
				select count(pg_advisory_xact_lock(h)) from
				  (select distinct hashtextextended(k, 0) h from unnest(?::text[]) k order by 1) keys""")
			.param(scopedKeys.toArray(String[]::new)).query(Long.class).single();
	}
}
