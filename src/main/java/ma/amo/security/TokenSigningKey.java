package ma.amo.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs the platform's tokens, from {@code amo.security.token-signing-key} (a PKCS#8 private key,
 * PEM or bare base64): every instance configured with the same key accepts the others' tokens, and tokens survive a
 * restart. Without it (development, tests) a key is generated at start, with a warning: tokens then die with the
 * process and are not shared. The key id is a digest of the public key, so that it is the same on every instance.
 */
final class TokenSigningKey {

	private static final Logger log = LoggerFactory.getLogger(TokenSigningKey.class);

	private TokenSigningKey() {
	}

	static RSAKey from(String configured) {
		try {
			if (configured == null || configured.isBlank()) {
				log.warn("amo.security.token-signing-key is not set: tokens are signed with a key generated at start, "
						+ "lost at restart and unknown to other instances; set it outside development "
						+ "(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)");
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair pair = generator.generateKeyPair();
				return key((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
			}
			String base64 = configured.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
			RSAPrivateCrtKey secret = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			RSAPublicKey open = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(secret.getModulus(), secret.getPublicExponent()));
			return key(open, secret);
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
			throw new IllegalStateException("amo.security.token-signing-key is not an RSA private key in PKCS#8 "
					+ "(PEM or base64): " + e.getMessage(), e);
		}
	}

	private static RSAKey key(RSAPublicKey open, RSAPrivateCrtKey secret) throws GeneralSecurityException {
		BigInteger modulus = open.getModulus();
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(modulus.toString(16).getBytes(StandardCharsets.US_ASCII));
		return new RSAKey.Builder(open).privateKey(secret).keyID(HexFormat.of().formatHex(digest, 0, 8)).build();
	}
}
