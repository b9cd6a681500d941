package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

	private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
	private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	private final FieldCipher cipher = new FieldCipher("k1", KEY, Map.of());

	@Test
	void aValueReadsBackAfterEncryptionAndIsNotStoredInClear() {
		String stored = cipher.encrypt("ALD 9 — Diabète insulino-dépendant");

		assertThat(stored).startsWith("enc:k1:").doesNotContain("Diab");
		assertThat(cipher.decrypt(stored)).isEqualTo("ALD 9 — Diabète insulino-dépendant");
	}

	@Test
	void theSameValueEncryptedTwiceGivesTwoStoredValues() {
		assertThat(cipher.encrypt("E-2024-0042")).isNotEqualTo(cipher.encrypt("E-2024-0042"));
	}

	@Test
	void aTamperedValueIsRefused() {
		String stored = cipher.encrypt("Insuffisance rénale chronique terminale");
		byte[] bytes = Base64.getDecoder().decode(stored.substring("enc:k1:".length()));
		bytes[20] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt("enc:k1:" + Base64.getEncoder().encodeToString(bytes)))
			.isInstanceOf(FieldCipher.UnreadableCipherText.class)
			.hasMessageNotContaining("Insuffisance");
	}

	@Test
	void aValueEncryptedUnderAnotherKeyIsRefused() {
		String stored = new FieldCipher("k1", OTHER_KEY, Map.of()).encrypt("Glaucome");

		assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(FieldCipher.UnreadableCipherText.class);
		assertThatThrownBy(() -> cipher.decrypt("enc:k9:" + stored.substring(7)))
			.isInstanceOf(FieldCipher.UnreadableCipherText.class)
			.hasMessageContaining("unknown key");
	}

	@Test
	void valuesUnderARetiredKeyAreStillReadAfterTheKeyChanges() {
		String old = cipher.encrypt("Asthme sévère");

		FieldCipher rotated = new FieldCipher("k2", OTHER_KEY, Map.of("k1", KEY));

		assertThat(rotated.decrypt(old)).isEqualTo("Asthme sévère");
		assertThat(rotated.encrypt("Asthme sévère")).startsWith("enc:k2:");
	}

	@Test
	void aValueWrittenBeforeEncryptionIsReadAsItIs() {
		assertThat(cipher.decrypt("Mensualité de janvier impayée")).isEqualTo("Mensualité de janvier impayée");
		assertThat(cipher.decrypt(null)).isNull();
		assertThat(cipher.encrypt(null)).isNull();
	}

	@Test
	void aMissingOrShortKeyIsRefused() {
		assertThatThrownBy(() -> new FieldCipher("k1", null, Map.of())).hasMessageContaining("is missing");
		assertThatThrownBy(() -> new FieldCipher("k1", Base64.getEncoder().encodeToString(new byte[16]), Map.of()))
			.hasMessageContaining("must be 32 bytes");
		assertThatThrownBy(() -> new FieldCipher("k1", "not base64!", Map.of())).hasMessageContaining("not base64");
	}

	@Test
	void theFingerprintIsTheSameForTheSameTextAndDependsOnTheKey() {
		assertThat(cipher.fingerprint("E-2024-0042")).isEqualTo(cipher.fingerprint("E-2024-0042"))
			.isNotEqualTo(cipher.fingerprint("E-2024-0043"))
			.isNotEqualTo(new FieldCipher("k1", OTHER_KEY, Map.of()).fingerprint("E-2024-0042"))
			.hasSize(64);
	}
}
