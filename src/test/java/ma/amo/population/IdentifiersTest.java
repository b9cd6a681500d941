package ma.amo.population;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.enrolment.RegistrationNumber;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

	@Test
	void luhnAcceptsTheCheckDigitItComputesAndCatchesOneWrongDigitOrASwap() {
		String idcs = IdcsCheckDigit.LUHN.complete("123456789");
		assertThat(idcs).isEqualTo("1234567897");
		assertThat(IdcsCheckDigit.LUHN.problem(idcs)).isNull();
		assertThat(IdcsCheckDigit.LUHN.problem("1234567898")).contains("check digit");
		assertThat(IdcsCheckDigit.LUHN.problem("2134567897")).contains("check digit");
	}

	@Test
	void mod11NeverIssuesNumbersWhoseCheckWouldBeTen() {
		int refused = 0;
		for (int n = 100_000_000; n < 100_000_100; n++) {
			String idcs = IdcsCheckDigit.MOD_11.complete(Integer.toString(n));
			if (idcs == null) {
				refused++;
			}
			else {
				assertThat(IdcsCheckDigit.MOD_11.problem(idcs)).isNull();
			}
		}
		assertThat(refused).isBetween(1, 20);
	}

	@Test
	void anIdcsMustHaveTenDigits() {
		assertThat(IdcsCheckDigit.LUHN.problem("12345")).isEqualTo("must have 10 digits");
		assertThat(IdcsCheckDigit.LUHN.problem("12345678a7")).isEqualTo("must have 10 digits");
		assertThat(IdcsCheckDigit.LUHN.problem("")).isEqualTo("is required");
	}

	@Test
	void aCinIsOneOrTwoLettersThenUpToSixDigits() {
		assertThat(Cin.problem(Cin.normalise(" ab123456 "))).isNull();
		assertThat(Cin.problem("J45678")).isNull();
		assertThat(Cin.problem("ABC12345")).isNotNull();
		assertThat(Cin.problem("AB1234567")).isNotNull();
		assertThat(Cin.problem("123456")).isNotNull();
		assertThat(Cin.problem("AB")).isNotNull();
	}

	@Test
	void aRegistrationNumberCarriesAKeyThatCatchesAWrongDigit() {
		String number = RegistrationNumber.of(100_000_001);
		assertThat(number).isEqualTo("100000001" + String.format("%02d", 97 - 100_000_001 % 97));
		assertThat(RegistrationNumber.problem(number)).isNull();
		assertThat(RegistrationNumber.problem("200000001" + number.substring(9))).isEqualTo("check key does not match");
		assertThat(RegistrationNumber.problem("1234")).isNotNull();
	}
}
