package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class InputBoundsTest {

	@Test
	void aTextWithANulAControlCharacterOrHalfASurrogatePairIsRefused() {
		assertThat(InputBounds.textProblem("Tazi\u0000")).contains("NUL");
		assertThat(InputBounds.textProblem("Tazi\u0007")).contains("control");
		assertThat(InputBounds.textProblem("\ud800Tazi")).contains("surrogate");
		assertThat(InputBounds.textProblem("Tazi\udc00")).contains("surrogate");
		assertThat(InputBounds.textProblem("Tazi\ufffd")).contains("UTF-8");
	}

	@Test
	void namesInArabicAccentsEmojisTabsAndNewLinesAreAccepted() {
		assertThat(InputBounds.textProblem("التازي Béni Mellal-Khénifra \uD83D\uDE00\tligne\r\nsuivante")).isNull();
	}

	@Test
	void aTextLongerThanItsBoundIsRefused() {
		assertThat(InputBounds.textProblem("x".repeat(InputBounds.LONGEST_TEXT))).isNull();
		assertThat(InputBounds.textProblem("x".repeat(InputBounds.LONGEST_TEXT + 1))).contains("at most");
		assertThat(InputBounds.textProblem("x".repeat(101), 100)).contains("100 characters at most");
	}

	@Test
	void onlyRealDaysWrittenWithFourDigitsOfYearBetween1900And2100AreDates() {
		assertThat(InputBounds.date("2025-02-28")).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(InputBounds.date("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(InputBounds.date("1900-01-01")).isEqualTo(InputBounds.EARLIEST_DATE);
		assertThat(InputBounds.date("2100-12-31")).isEqualTo(InputBounds.LATEST_DATE);
		for (String refused : new String[] { "0000-01-01", "+10000-01-01", "-0001-01-01", "2025-02-29", "2025-02-30",
				"2025-13-01", "1899-12-31", "2101-01-01", "2025-1-5", "20000", "", "2025-01-01T00:00", "2025-00-10", "2025-01-00", "2025/01/01", " 2025-01-1",
				"\u0662\u0660\u0662\u0665-01-01" }) {
			assertThat(InputBounds.date(refused)).as(refused).isNull();
		}
	}

	@Test
	void numbersOfAbsurdMagnitudeAreRefusedWithoutBeingComputed() {
		long started = System.nanoTime();
		assertThat(InputBounds.decimalProblem(new BigDecimal("1e200000"))).contains("digits");
		assertThat(InputBounds.decimalProblem(new BigDecimal("1e-200000"))).contains("decimals");
		assertThat(InputBounds.decimalProblem(new BigDecimal("-1e309"))).contains("digits");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
	}

	@Test
	void amountsCoefficientsAndRatesWithinTheBoundsAreAccepted() {
		assertThat(InputBounds.decimalProblem(new BigDecimal("999999999999.9999"))).isNull();
		assertThat(InputBounds.decimalProblem(new BigDecimal("80.500000"))).isNull();
		assertThat(InputBounds.decimalProblem(new BigDecimal("0.00001"))).contains("4 decimals");
		assertThat(InputBounds.decimalProblem(new BigDecimal("1000000000000"))).contains("12 digits");
		assertThat(InputBounds.magnitudeProblem(new BigDecimal("41.800000000000004"))).isNull();
	}
}
