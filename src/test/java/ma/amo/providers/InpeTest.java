package ma.amo.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InpeTest {

	@Test
	void anInpeIsEightDigitsAndALuhnCheckDigit() {
		String inpe = Inpe.of(10_000_001);
		assertThat(inpe).hasSize(9).startsWith("10000001");
		assertThat(Inpe.problem(inpe)).isNull();
	}

	@Test
	void aWrongDigitOrASwapOfNeighboursIsCaught() {
		String inpe = Inpe.of(12_345_678);
		String wrongDigit = inpe.substring(0, 3) + ((inpe.charAt(3) - '0' + 1) % 10) + inpe.substring(4);
		String swapped = inpe.charAt(1) + "" + inpe.charAt(0) + inpe.substring(2);
		assertThat(Inpe.problem(wrongDigit)).isEqualTo("check digit does not match");
		assertThat(Inpe.problem(swapped)).isEqualTo("check digit does not match");
		assertThat(Inpe.problem("12345")).isEqualTo("must have 9 digits");
	}
}
