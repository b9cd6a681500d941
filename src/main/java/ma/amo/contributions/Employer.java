package ma.amo.contributions;

import java.time.LocalDate;

/**
 * An employer affiliated to CNSS: its affiliation number (seven digits and a Luhn check digit) and its common
 * company identifier (ICE, 15 digits).
 */
public record Employer(String affiliationNumber, String name, String ice, String region, String commune,
		LocalDate affiliatedOn) {
}
