package ma.amo.population;

import java.time.LocalDate;

/** A person of the population register, identified by the IDCS. Names in Arabic script are optional. */
public record Person(String idcs, String cin, String lastName, String firstName, String lastNameAr,
		String firstNameAr, LocalDate birthDate, Sex sex, String commune, String province, String region,
		LocalDate deathDate) {

	public boolean diedBefore(LocalDate date) {
		return deathDate != null && deathDate.isBefore(date);
	}

	/** Age in completed years on {@code date}: a birthday counts from the day itself. */
	public int ageOn(LocalDate date) {
		return java.time.Period.between(birthDate, date).getYears();
	}
}
