package ma.amo.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): six digits from HMAC-SHA1 of the 30-second step, the
 * secret in base32 as authenticator applications take it. A code of the step before or after is accepted too, for
 * clocks a little apart.
 */
public final class Totp {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	private static final int STEP_SECONDS = 30;

	private Totp() {
	}

	/** A new random secret of 160 bits, in base32. */
	public static String newSecret() {
		byte[] bytes = new byte[20];
		new SecureRandom().nextBytes(bytes);
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		return out.toString();
	}

	/** The code of the step that contains {@code at}. */
	public static String code(String secret, Instant at) {
		return code(decode(secret), at.getEpochSecond() / STEP_SECONDS);
	}

	public static boolean matches(String secret, String code, Instant at) {
		return step(secret, code, at).isPresent();
	}

	/**
	 * The time step whose code {@code code} is, among the step of {@code at} and its two neighbours; empty when none.
	 * Keeping the last step accepted per account and refusing any step at or before it makes each code single-use
	 * (RFC 6238, section 5.2).
	 */
	public static java.util.OptionalLong step(String secret, String code, Instant at) {
		if (code == null || !code.matches("\\d{6}")) {
			return java.util.OptionalLong.empty();
		}
		byte[] key = decode(secret);
		long step = at.getEpochSecond() / STEP_SECONDS;
		for (long s = step + 1; s >= step - 1; s--) {
			if (java.security.MessageDigest.isEqual(code(key, s).getBytes(), code.getBytes())) {
				return java.util.OptionalLong.of(s);
			}
		}
		return java.util.OptionalLong.empty();
	}

	private static String code(byte[] key, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] decode(String secret) {
		String clean = secret.replace("=", "").toUpperCase();
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not a base32 secret");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}
}
