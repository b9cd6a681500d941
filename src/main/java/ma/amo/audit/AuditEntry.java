package ma.amo.audit;

import java.time.Instant;

/**
 * One line of the audit trail: {@code seq} orders the chain, {@code hash} seals the line to all the lines before it.
 */
public record AuditEntry(long seq, Instant at, String actor, Action action, String recordType, String recordId,
		String purpose, String hash) {

	public enum Action {
		READ, CHANGE,
		/** The retention purge itself, so that the chain says when older lines were removed. */
		PURGE
	}
}
