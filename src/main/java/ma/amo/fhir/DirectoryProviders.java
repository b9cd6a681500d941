package ma.amo.fhir;

import java.util.Map;
import java.util.function.UnaryOperator;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ma.amo.providers.Establishment;
import ma.amo.providers.Inpe;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Organizations (establishments) and Practitioners (professionals) of the provider directory, each under its INPE;
 * their PractitionerRoles and Locations are served beside them ({@link PractitionerRoleProvider},
 * {@link LocationProvider}). The directory is public information: no audit.
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

	/** How many resources a search of the directory answers when {@code _count} is not given. */
	static final int DEFAULT_COUNT = 20;

	/** Most resources one search answers. */
	static final int MAX_COUNT = 100;

	/**
	 * The INPE a search parameter names: {@code Type/{inpe}} or the bare INPE; {@code path} is the element the
	 * refusal points at.
	 */
	static String inpe(ReferenceParam reference, String type, String path) {
		if (reference == null) {
			return null;
		}
		if (reference.getChain() != null || reference.getResourceType() != null && !type.equals(reference.getResourceType())) {
			throw new InvalidInput(path, "reference", "must be " + type + "/{inpe}");
		}
		String inpe = reference.getIdPart();
		String problem = Inpe.problem(inpe);
		if (problem != null) {
			throw new InvalidInput(path, "inpe", "the INPE " + problem);
		}
		return inpe;
	}

	/** {@code _count}, from 1 to {@value #MAX_COUNT}, {@value #DEFAULT_COUNT} when absent. */
	static int count(Integer count) {
		if (count == null) {
			return DEFAULT_COUNT;
		}
		if (count < 1 || count > MAX_COUNT) {
			throw new InvalidInput("_count", "range", "must be from 1 to " + MAX_COUNT);
		}
		return count;
	}

	/**
	 * Names, in a refusal, the element of the resource or the search parameter at fault: {@code fields} maps our
	 * fields (the directory's {@code inpe}) to them.
	 */
	static void paths(RequestDetails request, Map<String, String> fields) {
		request.getUserData().put(Refusals.PATHS,
				(UnaryOperator<String>) field -> fields.getOrDefault(field, Refusals.fhirPath(field)));
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
		public Organization read(@IdParam IdType id, RequestDetails request) {
			paths(request, Map.of("inpe", "Organization.id"));
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
		public Practitioner read(@IdParam IdType id, RequestDetails request) {
			paths(request, Map.of("inpe", "Practitioner.id"));
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
