package ma.amo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ma.amo.population.Cin;
import ma.amo.population.IdcsCheckDigit;
import org.junit.jupiter.api.Test;

class PopulationGeneratorTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	private List<Household> households(long persons, IdcsCheckDigit checkDigit) {
		List<Household> households = new ArrayList<>();
		new PopulationGenerator(checkDigit, TODAY, 7).generate(persons, households::add);
		return households;
	}

	@Test
	void theSameSeedGivesTheSamePopulation() {
		assertThat(households(500, IdcsCheckDigit.LUHN)).isEqualTo(households(500, IdcsCheckDigit.LUHN));
	}

	@Test
	void generatesExactlyTheRequestedNumberOfPersonsWithValidUniqueIdentifiers() {
		Set<String> idcs = new HashSet<>();
		Set<String> cins = new HashSet<>();
		for (IdcsCheckDigit checkDigit : IdcsCheckDigit.values()) {
			idcs.clear();
			cins.clear();
			for (Household household : households(20_000, checkDigit)) {
				for (Household.Resident r : household.residents()) {
					assertThat(checkDigit.problem(r.idcs())).isNull();
					assertThat(idcs.add(r.idcs())).isTrue();
					if (r.cin() != null) {
						assertThat(Cin.problem(r.cin())).isNull();
						assertThat(cins.add(r.cin())).as(r.cin()).isTrue();
						assertThat(r.ageOn(TODAY)).isGreaterThanOrEqualTo(18);
					}
					assertThat(r.deathDate() == null || !r.deathDate().isBefore(r.birthDate())).isTrue();
				}
			}
			assertThat(idcs).hasSize(20_000);
		}
	}

	@Test
	void scoresAreSpreadOnBothSidesOfTheTadamonThreshold() {
		long below = 0;
		long above = 0;
		for (Household household : households(20_000, IdcsCheckDigit.LUHN)) {
			if (household.currentScore() != null) {
				if (household.currentScore().doubleValue() < 9.3264284) {
					below++;
				}
				else {
					above++;
				}
			}
		}
		assertThat(below).isBetween(above / 3, above * 3);
	}
}
