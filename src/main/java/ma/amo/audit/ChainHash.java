package ma.amo.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The seal of a line: SHA-256 of the previous line's hash and the line's canonical content. Each field is written
 * with its length before it, so that no two different lines share a content ("ab" + "c" versus "a" + "bc").
 */
final class ChainHash {

	/** The "previous hash" of the very first line. */
	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	/** Instants as PostgreSQL keeps them (microseconds), so that a line read back hashes the same. */
	static Instant stored(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	static String of(String previous, long seq, Instant at, String actor, AuditEntry.Action action, String recordType,
			String recordId, String purpose) {
		StringBuilder content = new StringBuilder(160);
		for (String field : new String[] { previous, Long.toString(seq), stored(at).toString(), actor, action.name(),
				recordType, recordId, purpose }) {
			content.append(field.length()).append(':').append(field).append('|');
		}
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	static String of(String previous, AuditEntry e) {
		return of(previous, e.seq(), e.at(), e.actor(), e.action(), e.recordType(), e.recordId(), e.purpose());
	}
}
