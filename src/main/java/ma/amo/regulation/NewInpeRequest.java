package ma.amo.regulation;

import jakarta.validation.constraints.Size;
import ma.amo.providers.Profession;
import ma.amo.providers.Sector;

/**
 * A request for an INPE as the regulator's desk files it from the applicant's papers: a professional's identity,
 * profession, specialty (specialists only), diploma and order registration references, or an establishment's name,
 * category, sector, authorisation reference and address; and where the provider practises or stands.
 */
public record NewInpeRequest(InpeRequest.Kind kind, @Size(max = 100) String lastName, @Size(max = 100) String firstName,
		Profession profession, @Size(max = 100) String specialty, @Size(max = 100) String diplomaReference,
		@Size(max = 30) String orderNumber, @Size(max = 200) String name, @Size(max = 10) String category, Sector sector,
		@Size(max = 100) String authorisationReference, @Size(max = 300) String address, @Size(max = 100) String region,
		@Size(max = 100) String province, @Size(max = 100) String commune) {
}
