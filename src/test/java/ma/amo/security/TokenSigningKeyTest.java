package ma.amo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class TokenSigningKeyTest {

	@Test
	void instancesConfiguredWithTheSameKeyAcceptEachOthersTokens() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		RSAKey first = TokenSigningKey.from(pem);
		RSAKey restarted = TokenSigningKey.from(pem);
		assertThat(restarted.getKeyID()).isEqualTo(first.getKeyID());
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(first.getKeyID()).build(),
				new JWTClaimsSet.Builder().subject("etab-1").build());
		token.sign(new RSASSASigner(first));
		assertThat(SignedJWT.parse(token.serialize()).verify(new RSASSAVerifier(restarted.toRSAPublicKey()))).isTrue();
	}

	@Test
	void withoutAConfiguredKeyEachStartHasItsOwn() {
		assertThat(TokenSigningKey.from(null).getKeyID()).isNotEqualTo(TokenSigningKey.from("").getKeyID());
	}

	@Test
	void aKeyThatIsNotAnRsaPrivateKeyStopsTheStart() {
		assertThatThrownBy(() -> TokenSigningKey.from("bm90IGEga2V5")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("amo.security.token-signing-key");
	}
}
