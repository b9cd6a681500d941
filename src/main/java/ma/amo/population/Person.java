package ma.amo.population;

import java.time.LocalDate;

import ma.amo.shared.Masking;

/** A person of the population register, identified by the IDCS. Names in Arabic script are optional. */
public record Person(String idcs, String cin, String lastName, String firstName, String lastNameAr,
		String firstNameAr, LocalDate birthDate, Sex sex, String commune, String province, String region,
		LocalDate deathDate) {

	/** Masked: a person logged by mistake leaves no name, CIN or birth date in the logs. */
	@Override
	public String toString() {
		return "Person[idcs=" + Masking.idcs(idcs) + ", cin=" + Masking.hidden(cin) + ", names=***, birthDate="
				+ Masking.hidden(birthDate) + ", sex=" + sex + ", region=" + region + "]";
	}

	public boolean diedBefore(LocalDate date) {
		return deathDate != null && deathDate.isBefore(date);
	}

	/** Age in completed years on {@code date}: a birthday counts from the day itself. */
	public int ageOn(LocalDate date) {
		return java.time.Period.between(birthDate, date).getYears();
	}
}
