package ma.amo.regulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The code an applicant is handed at filing to follow a request without an account: 16 characters drawn at random
 * (80 bits, out of reach of guessing behind the rate limits), of which only a SHA-256 hash is stored, compared in
 * constant time.
 */
final class FollowUpCode {

	/** No 0/O or 1/I/L: the code is read aloud at the desk and typed from paper. */
	private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private FollowUpCode() {
	}

	static String draw() {
		StringBuilder code = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	static String hash(String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(code.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean matches(String code, String storedHash) {
		return code != null && code.length() <= 64 && MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}
}
