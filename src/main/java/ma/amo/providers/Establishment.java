package ma.amo.providers;

/**
 * A health establishment. Public ones carry their ministry category (HP, HR, CSU-1...) and their territorial health
 * group; private ones a category of the private sector (CLINIC, PHARMACY, LABORATORY, RADIOLOGY, OPTICIAN,
 * MEDICAL_PRACTICE).
 */
public record Establishment(String inpe, String name, String category, Sector sector, String region, String province,
		String commune, String territorialHealthGroup) {
}
