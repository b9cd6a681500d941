package ma.amo.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal of a line: HMAC-SHA-256, under the chain key of the configuration ({@link AuditChainKey}), of the previous
 * line's seal and the line's canonical content. Each field is written with its length before it, so that no two
 * different lines share a content ("ab" + "c" versus "a" + "bc"). A plain hash could be recomputed by anyone who can
 * write to the database, after editing a line and every line after it; the keyed seal cannot, without the key, which
 * the database does not hold.
 */
final class ChainHash {

	/** The "previous hash" of the very first line. */
	static final String GENESIS = "0".repeat(64);

	private static final String ALGORITHM = "HmacSHA256";

	/** Set once at start from the configuration, before any line is written or verified. */
	private static volatile SecretKeySpec key;

	/**
	 * A MAC per thread, kept with the key it was made for: looking the algorithm up and initialising it for every line
	 * cost more than sealing the line. A MAC resets itself after each seal.
	 */
	private static final ThreadLocal<Sealer> SEALERS = new ThreadLocal<>();

	private record Sealer(SecretKeySpec key, Mac mac) {
	}

	private ChainHash() {
	}

	static void key(byte[] secret) {
		key = new SecretKeySpec(secret, ALGORITHM);
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
		SecretKeySpec sealing = key;
		if (sealing == null) {
			throw new IllegalStateException("the audit chain key (amo.audit.chain-key) is not configured");
		}
		return HexFormat.of().formatHex(mac(sealing).doFinal(content.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static Mac mac(SecretKeySpec sealing) {
		Sealer sealer = SEALERS.get();
		if (sealer == null || sealer.key() != sealing) {
			try {
				Mac mac = Mac.getInstance(ALGORITHM);
				mac.init(sealing);
				sealer = new Sealer(sealing, mac);
				SEALERS.set(sealer);
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("every JDK has HMAC-SHA-256", e);
			}
		}
		return sealer.mac();
	}

	static String of(String previous, AuditEntry e) {
		return of(previous, e.seq(), e.at(), e.actor(), e.action(), e.recordType(), e.recordId(), e.purpose());
	}
}
