package ma.amo.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.providers.Establishment;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Organizations (establishments) and Practitioners (professionals) of the provider directory, each under its INPE.
 * The directory is public information: no audit.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryProviders {

	@Bean
	Organizations organizations(ProviderDirectory directory) {
		return new Organizations(directory);
	}

	@Bean
	Practitioners practitioners(ProviderDirectory directory) {
		return new Practitioners(directory);
	}

	static final class Organizations implements IResourceProvider {

		private final ProviderDirectory directory;

		Organizations(ProviderDirectory directory) {
			this.directory = directory;
		}

		@Override
		public Class<Organization> getResourceType() {
			return Organization.class;
		}

		@Read
		public Organization read(@IdParam IdType id) {
			Establishment e = directory.establishment(id.getIdPart());
			Organization organization = new Organization();
			organization.setId(e.inpe());
			organization.addIdentifier().setSystem(Canonical.INPE).setValue(e.inpe());
			organization.setActive(true);
			organization.setName(e.name());
			organization.addType(new CodeableConcept().setText(e.category() + " (" + e.sector() + ")"));
			organization.addAddress(new Address().setCity(e.commune()).setDistrict(e.province()).setState(e.region())
				.setCountry("MA"));
			return organization;
		}
	}

	static final class Practitioners implements IResourceProvider {

		private final ProviderDirectory directory;

		Practitioners(ProviderDirectory directory) {
			this.directory = directory;
		}

		@Override
		public Class<Practitioner> getResourceType() {
			return Practitioner.class;
		}

		@Read
		public Practitioner read(@IdParam IdType id) {
			Professional p = directory.professional(id.getIdPart());
			Practitioner practitioner = new Practitioner();
			practitioner.setId(p.inpe());
			practitioner.addIdentifier().setSystem(Canonical.INPE).setValue(p.inpe());
			practitioner.setActive(true);
			practitioner.addName(new HumanName().setFamily(p.lastName()).addGiven(p.firstName()));
			practitioner.addQualification().setCode(new CodeableConcept().setText(
					p.specialty() == null ? p.profession().name() : p.profession().name() + " — " + p.specialty()));
			if (p.region() != null) {
				practitioner.addAddress(new Address().setCity(p.commune()).setDistrict(p.province()).setState(p.region())
					.setCountry("MA"));
			}
			return practitioner;
		}
	}
}
