package ma.amo.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import ma.amo.shared.Money;
import org.junit.jupiter.api.Test;

class LatePenaltiesTest {

	private final LatePenalties penalties = new LatePenalties((name, date) -> Map.of(
			"contributions.penalty.first-month-rate", "3", "contributions.penalty.next-month-rate", "1").get(name));

	private static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	@Test
	void aPaymentOnTheDueDateOwesNoPenalty() {
		assertThat(penalties.penalty(Money.of("1000"), d("2025-04-10"), d("2025-04-10"))).isEqualTo(Money.ZERO);
	}

	@Test
	void theDayAfterTheDueDateStartsTheFirstMonthLate() {
		// 1,000 × 3 % = 30.00 from the first day late to the same day a month later.
		assertThat(LatePenalties.monthsLate(d("2025-04-10"), d("2025-04-11"))).isEqualTo(1);
		assertThat(penalties.penalty(Money.of("1000"), d("2025-04-10"), d("2025-05-10"))).isEqualTo(Money.of("30.00"));
	}

	@Test
	void eachFurtherMonthOrPartOfAMonthAddsOnePercent() {
		// A day past one month late is a second month: 3 % + 1 % = 4 % of 1,000 = 40.00; five months: 3 + 4 × 1 = 7 %.
		assertThat(LatePenalties.monthsLate(d("2025-04-10"), d("2025-05-11"))).isEqualTo(2);
		assertThat(penalties.penalty(Money.of("1000"), d("2025-04-10"), d("2025-05-11"))).isEqualTo(Money.of("40.00"));
		assertThat(penalties.penalty(Money.of("254.80"), d("2025-04-10"), d("2025-09-10"))).isEqualTo(Money.of("17.84"));
	}
}
