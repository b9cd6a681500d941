package ma.amo.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A generated household: its members (the head first), where it lives, and its RSU scores (none when the household
 * is not in the social register; a second, newer one when it was scored again).
 */
record Household(String id, List<Resident> residents, List<Score> scores) {

	record Resident(String idcs, String cin, String lastName, String firstName, String lastNameAr, String firstNameAr,
			LocalDate birthDate, char sex, String commune, String province, String region, LocalDate deathDate,
			Role role) {

		int ageOn(LocalDate date) {
			return java.time.Period.between(birthDate, date).getYears();
		}
	}

	enum Role {
		HEAD, SPOUSE, CHILD, ELDER
	}

	record Score(BigDecimal score, LocalDate date) {
	}

	Resident head() {
		return residents.getFirst();
	}

	/** The score in force today: the newest one. */
	BigDecimal currentScore() {
		return scores.isEmpty() ? null : scores.getLast().score();
	}
}
