package ma.amo.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive columns (diagnoses, exemptions, medical notes: health data under loi 09-08) with AES-256-GCM: a
 * random 96-bit IV per value and an authentication tag, so that a value edited in the database is refused rather
 * than read wrong. A stored value reads {@code enc:<key id>:<base64 of IV, ciphertext and tag>}: the key id lets a
 * new key be introduced while values under the old one (a retired key) are still read, and re-encrypted at leisure.
 * <p>
 * A value without the prefix is returned as it is: rows written before a column was encrypted stay readable, and a
 * column may hold system texts in clear beside people's notes encrypted.
 */
public final class FieldCipher {

	static final String PREFIX = "enc:";
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final String keyId;
	private final Map<String, SecretKey> keys = new HashMap<>();
	private final SecretKey fingerprintKey;
	private final SecureRandom random = new SecureRandom();

	/**
	 * @param keyId the id written before each value encrypted now (letters and digits)
	 * @param key the current key, 32 bytes in base64
	 * @param retiredKeys keys of earlier ids, still read but no longer used to encrypt
	 */
	public FieldCipher(String keyId, String key, Map<String, String> retiredKeys) {
		if (keyId == null || !keyId.matches("[A-Za-z0-9]{1,16}")) {
			throw new IllegalStateException("amo.data-protection.key-id must be 1 to 16 letters or digits");
		}
		this.keyId = keyId;
		retiredKeys.forEach((id, value) -> keys.put(id, aesKey("amo.data-protection.retired-keys." + id, value)));
		SecretKey current = aesKey("amo.data-protection.key", key);
		keys.put(keyId, current);
		this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(current.getEncoded(), "HmacSHA256"),
				"amo fingerprint key"), "HmacSHA256");
	}

	private static SecretKey aesKey(String property, String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(property + " is missing: a 256-bit key in base64 (openssl rand -base64 32)");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(property + " is not base64");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(property + " must be 32 bytes (256 bits), not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/** The stored form of {@code clear}; null stays null. Two calls give two different values. */
	public String encrypt(String clear) {
		if (clear == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
			byte[] stored = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, stored, 0, IV_BYTES);
			System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
			return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is unavailable", e);
		}
	}

	/**
	 * The clear text of a stored value; a value without the prefix is returned as it is.
	 *
	 * @throws UnreadableCipherText when the value was altered, or encrypted under a key this platform does not hold
	 */
	public String decrypt(String stored) {
		if (!isEncrypted(stored)) {
			return stored;
		}
		int colon = stored.indexOf(':', PREFIX.length());
		SecretKey key = colon < 0 ? null : keys.get(stored.substring(PREFIX.length(), colon));
		if (key == null) {
			throw new UnreadableCipherText("encrypted under an unknown key");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			// A wrong tag: the value was altered, or the key is not the one it was encrypted with.
			throw new UnreadableCipherText("altered, or encrypted under another key");
		}
	}

	public static boolean isEncrypted(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	/**
	 * A keyed hash (HMAC-SHA256, hex) of {@code clear}, the same for the same text: stored beside an encrypted column
	 * that must be searched by equality, so that the search needs no decryption and the column no clear text. It is
	 * derived from the current key: changing the key means computing the fingerprints again.
	 */
	public String fingerprint(String clear) {
		return clear == null ? null : HexFormat.of().formatHex(hmac(fingerprintKey, clear));
	}

	private static byte[] hmac(SecretKey key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
		}
	}

	/** A stored value that cannot be decrypted: never shown in clear, never replaced by a guess. */
	public static class UnreadableCipherText extends RuntimeException {

		UnreadableCipherText(String why) {
			super("an encrypted value could not be read: " + why);
		}
	}
}
