package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

	@Test
	void amountsAreRoundedHalfUpToTheCentime() {
		assertThat(Money.of("10.005").amount()).isEqualByComparingTo("10.01");
		assertThat(Money.of("10.004").amount()).isEqualByComparingTo("10.00");
		assertThat(Money.of("-10.005").amount()).isEqualByComparingTo("-10.01");
	}

	@Test
	void aGpConsultationAtSeventyPercentLeavesTwentyFourDirhamsToThePatient() {
		Money base = Money.of("80");
		Money covered = base.times(Rate.percent(70));
		assertThat(covered).isEqualTo(Money.of("56.00"));
		assertThat(base.minus(covered)).isEqualTo(Money.of("24.00"));
	}

	@Test
	void aRateIsBetweenZeroAndOneHundredPercent() {
		assertThat(Rate.percent(90).toString()).isEqualTo("90 %");
		assertThatThrownBy(() -> new Rate(new BigDecimal("1.01"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Rate.percent(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSmallerOfTheBilledAmountAndTheBaseIsReimbursed() {
		assertThat(Money.of("120").min(Money.of("80"))).isEqualTo(Money.of("80"));
		assertThat(Money.of("60").min(Money.of("80"))).isEqualTo(Money.of("60"));
	}
}
