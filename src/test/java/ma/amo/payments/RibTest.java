package ma.amo.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ma.amo.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class RibTest {

	/** The example IBAN published for Moroccan accounts (amo-rules.md, bank accounts). */
	static final String IBAN = "MA64 0115 1900 0001 2050 0053 4921";
	static final String RIB = "011519000001205000534921";

	static String rule(String text) {
		try {
			Rib.parse("rib", text);
			return "accepted";
		}
		catch (InvalidInput refused) {
			return refused.violations().getFirst().rule();
		}
	}

	@Test
	void thePublishedExampleIsReadFromItsIbanAndFromItsRibAlike() {
		Rib fromIban = Rib.parse("rib", IBAN);
		Rib fromRib = Rib.parse("rib", "011 519 0000012050005349 21");
		assertThat(fromIban).isEqualTo(fromRib);
		assertThat(fromIban.digits()).isEqualTo(RIB);
		assertThat(fromIban.bank()).isEqualTo("011");
		assertThat(fromIban.locality()).isEqualTo("519");
		assertThat(fromIban.account()).isEqualTo("0000012050005349");
		assertThat(fromIban.key()).isEqualTo("21");
		assertThat(fromIban.iban()).isEqualTo(IBAN.replace(" ", ""));
	}

	@Test
	void aWrongDigitIsRefusedByTheKey() {
		assertThat(rule("011519000001205000534821")).isEqualTo("rib-key");
		assertThat(rule("111519000001205000534921")).isEqualTo("rib-key");
		assertThat(rule("011519000001205000534922")).isEqualTo("rib-key");
	}

	@Test
	void twoSwappedDigitsAreRefusedByTheKey() {
		assertThat(rule("011519000001205000354921")).isEqualTo("rib-key");
		assertThat(rule("101519000001205000534921")).isEqualTo("rib-key");
	}

	@Test
	void anIbanWithWrongCheckDigitsIsRefusedEvenWhenItsRibIsRight() {
		assertThat(rule("MA65" + RIB)).isEqualTo("iban-check");
		assertThat(rule("MA64" + "011519000001205000534821")).isEqualTo("iban-check");
	}

	@Test
	void numbersOfTheWrongShapeAreRefusedNamingTheForm() {
		assertThat(rule("01151900000120500053492")).isEqualTo("rib-format");
		assertThat(rule("0115190000012050005349211")).isEqualTo("rib-format");
		assertThat(rule("01151900000120500053492A")).isEqualTo("rib-format");
		assertThat(rule("FR76" + RIB)).isEqualTo("rib-format");
		assertThat(rule("MA64" + RIB + "0")).isEqualTo("iban-format");
		assertThat(rule("MA6A" + RIB)).isEqualTo("iban-format");
		assertThat(rule("0".repeat(41))).isEqualTo("rib-format");
		assertThat(rule("٠١١٥١٩٠٠٠٠٠١٢٠٥٠٠٠٥٣٤٩٢١")).isEqualTo("rib-format");
		assertThat(rule("  ")).isEqualTo("required");
		assertThat(rule(null)).isEqualTo("required");
	}

	@Test
	void everyKeyFromOneToNinetySevenIsWrittenOnTwoDigits() {
		// Keys below 10 keep their leading zero, and a remainder of 0 gives the key 97.
		for (long account = 0; account < 400; account++) {
			String first22 = "011519" + String.format("%016d", account);
			String key = Rib.keyOf(first22);
			assertThat(key).hasSize(2);
			assertThat(Integer.parseInt(key)).isBetween(1, 97);
			assertThat(Rib.parse("rib", first22 + key).key()).isEqualTo(key);
		}
	}
}
