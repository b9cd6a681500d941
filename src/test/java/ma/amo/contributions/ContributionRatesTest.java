package ma.amo.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import ma.amo.contributions.ContributionRates.Contribution;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import org.junit.jupiter.api.Test;

/** Amounts computed by hand from amo-rules.md in the comments. */
class ContributionRatesTest {

	private static final LocalDate MONTH = LocalDate.of(2025, 3, 1);

	private final Map<String, String> values = Map.ofEntries(Map.entry("contributions.salaried.employee-rate", "2.26"),
			Map.entry("contributions.salaried.employer-rate", "2.26"),
			Map.entry("contributions.salaried.solidarity-rate", "1.85"),
			Map.entry("contributions.salaried.pensioner-rate", "4.52"),
			Map.entry("contributions.public.rate", "5"),
			Map.entry("contributions.public.pensioner-rate", "2.5"),
			Map.entry("contributions.public.share-min", "70"),
			Map.entry("contributions.public.share-max", "400"),
			Map.entry("contributions.smig-monthly", "3266.10"),
			Map.entry("contributions.self-employed.rate", "6.37"),
			Map.entry("contributions.self-employed.pensioner-rate", "4.52"));

	private final ContributionRates rates = new ContributionRates((name, date) -> values.get(name));

	@Test
	void aSalaryOfSixThousandDirhamsCostsSixPointThirtySevenPercentInThreeShares() {
		// 6,000 × 2.26 % = 135.60 employee; 135.60 employer; × 1.85 % = 111.00 solidarity; total 382.20 = 6.37 %.
		Contribution c = rates.salaried(Money.of("6000"), MONTH);
		assertThat(c.employeeShare()).isEqualTo(Money.of("135.60"));
		assertThat(c.employerShare()).isEqualTo(Money.of("135.60"));
		assertThat(c.solidarityShare()).isEqualTo(Money.of("111.00"));
		assertThat(c.total()).isEqualTo(Money.of("382.20"));
	}

	@Test
	void sharesAreRoundedToTheCentimeEachBeforeTheTotal() {
		// 3,111.39 × 2.26 % = 70.317414 → 70.32; × 1.85 % = 57.560715 → 57.56; total 70.32 + 70.32 + 57.56 = 198.20.
		Contribution c = rates.salaried(Money.of("3111.39"), MONTH);
		assertThat(c.employeeShare()).isEqualTo(Money.of("70.32"));
		assertThat(c.solidarityShare()).isEqualTo(Money.of("57.56"));
		assertThat(c.total()).isEqualTo(Money.of("198.20"));
	}

	@Test
	void aSalariedPensionerPaysFourPointFiftyTwoPercentOfThePension() {
		// 4,000 × 4.52 % = 180.80.
		assertThat(rates.salariedPensioner(Money.of("4000"), MONTH).total()).isEqualTo(Money.of("180.80"));
	}

	@Test
	void publicSectorSharesAreHalfOfFivePercentBetweenSeventyAndFourHundred() {
		// 10,000 × 2.5 % = 250.00 each, 500.00 in all.
		Contribution middle = rates.publicSector(Money.of("10000"), MONTH);
		assertThat(middle.employeeShare()).isEqualTo(Money.of("250.00"));
		assertThat(middle.total()).isEqualTo(Money.of("500.00"));
		// 2,000 × 2.5 % = 50.00 → raised to the minimum 70.00 each.
		assertThat(rates.publicSector(Money.of("2000"), MONTH).employerShare()).isEqualTo(Money.of("70.00"));
		// 20,000 × 2.5 % = 500.00 → capped at 400.00 each; at 16,000 exactly 400.00.
		assertThat(rates.publicSector(Money.of("20000"), MONTH).total()).isEqualTo(Money.of("800.00"));
		assertThat(rates.publicSector(Money.of("16000"), MONTH).employeeShare()).isEqualTo(Money.of("400.00"));
		assertThat(rates.publicSector(Money.of("2800"), MONTH).employeeShare()).isEqualTo(Money.of("70.00"));
	}

	@Test
	void aPublicPensionerPaysTwoAndAHalfPercentWithinTheSameBounds() {
		// 6,000 × 2.5 % = 150.00; 1,000 × 2.5 % = 25.00 → 70.00.
		assertThat(rates.publicPensioner(Money.of("6000"), MONTH).total()).isEqualTo(Money.of("150.00"));
		assertThat(rates.publicPensioner(Money.of("1000"), MONTH).total()).isEqualTo(Money.of("70.00"));
	}

	@Test
	void aNegativeSalaryIsRefusedNamingTheField() {
		assertThatThrownBy(() -> rates.salaried(Money.of("-1"), MONTH)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("grossSalary");
	}

	@Test
	void aSelfEmployedAdoulPaysSixPointThirtySevenPercentOfOnePointNineSmig() {
		// 2025 SMIG 3,266.10 × 1.9 = 6,205.59 reference income; × 6.37 % = 395.296083 → 395.30.
		SelfEmployedCategory adoul = new SelfEmployedCategory("ADOUL", MONTH, "Adouls", new java.math.BigDecimal("1.9"),
				null, "fr.le360.ma");
		Contribution c = rates.selfEmployed(adoul, false, MONTH);
		assertThat(c.base()).isEqualTo(Money.of("6205.59"));
		assertThat(c.total()).isEqualTo(Money.of("395.30"));
		// Retired: 4.52 % of the same income = 280.492668 → 280.49.
		assertThat(rates.selfEmployed(adoul, true, MONTH).total()).isEqualTo(Money.of("280.49"));
	}

	@Test
	void aSelfEmployedCategoryMinimumAppliesWhenTheRateGivesLess() {
		// 0.5 × 3,266.10 = 1,633.05; × 6.37 % = 104.025285 → 104.03, under the 135 DH minimum: 135.00.
		SelfEmployedCategory artisan = new SelfEmployedCategory("ARTISAN", MONTH, "Artisans", new java.math.BigDecimal("0.5"),
				new java.math.BigDecimal("135"), "amo-rules.md");
		Contribution c = rates.selfEmployed(artisan, false, MONTH);
		assertThat(c.total()).isEqualTo(Money.of("135.00"));
		assertThat(c.explanation()).contains("minimum");
	}
}
