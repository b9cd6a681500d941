package ma.amo.providers;

/** A health professional; {@code specialty} is set for specialists only. */
public record Professional(String inpe, String lastName, String firstName, Profession profession, String specialty,
		String region, String province, String commune) {
}
