package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.providers.Inpe;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderStatus;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.People;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory as a hospital system reads it through FHIR: which professionals practise in which establishment and
 * since when (PractitionerRole), the establishments as places with their address and status (Location), and what it
 * cannot read refused naming the element or parameter.
 */
@IntegrationTest
class FhirDirectoryIntegrationTest {

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api admin;
	Hospitals.Hospital hospital;

	@BeforeEach
	void client() {
		admin = new Api(port);
		hospital = Hospitals.hospital(admin, directory);
	}

	@Test
	void aHospitalSeesWhichDoctorsPractiseInItAndSinceWhen() {
		Bundle found = hospital.client().search().forResource(PractitionerRole.class)
			.where(PractitionerRole.ORGANIZATION.hasId("Organization/" + hospital.inpe())).returnBundle(Bundle.class)
			.execute();
		assertThat(found.getEntry()).hasSize(1);
		PractitionerRole role = Conformance.valid((PractitionerRole) found.getEntryFirstRep().getResource());
		assertThat(role.getIdPart()).isEqualTo(hospital.inpe() + "-" + hospital.doctor());
		assertThat(role.getActive()).isTrue();
		assertThat(role.getPeriod().getStartElement().getValueAsString()).isEqualTo("2020-01-01");
		assertThat(role.getPeriod().hasEnd()).isFalse();
		assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + hospital.doctor());
		assertThat(role.getOrganization().getReference()).isEqualTo("Organization/" + hospital.inpe());
		assertThat(role.getLocationFirstRep().getReference()).isEqualTo("Location/" + hospital.inpe());
		assertThat(role.getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("GENERAL_PRACTITIONER");

		PractitionerRole read = Conformance.valid(hospital.client().read().resource(PractitionerRole.class)
			.withId(role.getIdPart()).execute());
		assertThat(read.getPeriod().getStartElement().getValueAsString()).isEqualTo("2020-01-01");
	}

	@Test
	void aSpecialistsRolesInEachEstablishmentShowTheSpecialtyAndAnEndedPracticeIsInactive() {
		String surgeon = directory.register(new ProviderDirectory.NewProfessional("Chraibi", "Leila",
				Profession.SPECIALIST, "Chirurgie générale", "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2019, 1, 1)).inpe();
		Hospitals.Hospital other = Hospitals.hospital(admin, directory);
		directory.practise(surgeon, hospital.inpe(), LocalDate.of(2021, 3, 1));
		directory.practise(surgeon, other.inpe(), LocalDate.of(2019, 1, 1));
		jdbc.sql("update practice set end_date = '2025-12-31' where professional_inpe = ? and establishment_inpe = ?")
			.params(surgeon, other.inpe()).update();

		Bundle found = hospital.client().search().forResource(PractitionerRole.class)
			.where(PractitionerRole.PRACTITIONER.hasId("Practitioner/" + surgeon)).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(2);
		PractitionerRole current = Conformance.valid((PractitionerRole) found.getEntry().get(0).getResource());
		PractitionerRole ended = Conformance.valid((PractitionerRole) found.getEntry().get(1).getResource());
		assertThat(current.getOrganization().getReference()).isEqualTo("Organization/" + hospital.inpe());
		assertThat(current.getActive()).isTrue();
		assertThat(current.getSpecialtyFirstRep().getText()).isEqualTo("Chirurgie générale");
		assertThat(current.getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("SPECIALIST");
		assertThat(ended.getOrganization().getReference()).isEqualTo("Organization/" + other.inpe());
		assertThat(ended.getActive()).isFalse();
		assertThat(ended.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-12-31");

		Bundle both = hospital.client().search().forResource(PractitionerRole.class)
			.where(PractitionerRole.PRACTITIONER.hasId("Practitioner/" + surgeon))
			.and(PractitionerRole.ORGANIZATION.hasId(other.inpe())).returnBundle(Bundle.class).execute();
		assertThat(both.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(other.inpe() + "-" + surgeon);
	}

	@Test
	void anEstablishmentIsALocationWithItsAddressManagerAndStatusOfToday() {
		String commune = commune();
		String inpe = directory.register(new ProviderDirectory.NewEstablishment("Centre de santé " + commune, "CSU-1",
				Sector.PUBLIC, "Fès-Meknès", "Sefrou", commune), LocalDate.of(2020, 1, 1)).provider().inpe();

		Location read = Conformance.valid(hospital.client().read().resource(Location.class).withId(inpe).execute());
		assertThat(read.getStatus()).isEqualTo(Location.LocationStatus.ACTIVE);
		assertThat(read.getName()).isEqualTo("Centre de santé " + commune);
		assertThat(read.getAddress().getCity()).isEqualTo(commune);
		assertThat(read.getAddress().getDistrict()).isEqualTo("Sefrou");
		assertThat(read.getAddress().getState()).isEqualTo("Fès-Meknès");
		assertThat(read.getManagingOrganization().getReference()).isEqualTo("Organization/" + inpe);
		assertThat(read.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("CSU-1");

		directory.status(inpe, ProviderStatus.SUSPENDED, LocalDate.of(2026, 6, 1), "inspection");
		Bundle inCity = hospital.client().search().forResource(Location.class)
			.where(Location.ADDRESS_CITY.matches().value(commune.toLowerCase())).returnBundle(Bundle.class).execute();
		assertThat(inCity.getEntry()).hasSize(1);
		Location suspended = Conformance.valid((Location) inCity.getEntryFirstRep().getResource());
		assertThat(suspended.getIdPart()).isEqualTo(inpe);
		assertThat(suspended.getStatus()).isEqualTo(Location.LocationStatus.SUSPENDED);

		Bundle ofOrganization = hospital.client().search().forResource(Location.class)
			.where(Location.ORGANIZATION.hasId("Organization/" + inpe)).returnBundle(Bundle.class).execute();
		assertThat(ofOrganization.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(inpe);
	}

	@Test
	void whatCannotBeReadIsRefusedNamingTheElementOrParameter() {
		IGenericClient client = hospital.client();
		assertRefused(400, "PractitionerRole.id",
				() -> client.read().resource(PractitionerRole.class).withId("12-abc").execute());
		assertRefused(400, "PractitionerRole.id",
				() -> client.read().resource(PractitionerRole.class).withId(hospital.inpe() + "-123456789").execute());
		assertRefused(400, "Location.id", () -> client.read().resource(Location.class).withId("123456789").execute());
		assertRefused(400, "PractitionerRole.practitioner",
				() -> client.search().byUrl("PractitionerRole").returnBundle(Bundle.class).execute());
		assertRefused(400, "PractitionerRole.organization", () -> client.search()
			.byUrl("PractitionerRole?organization=Patient/" + hospital.inpe()).returnBundle(Bundle.class).execute());
		assertRefused(400, "Location.address.city", () -> client.search()
			.byUrl("Location?address-city=%3Cscript%3E").returnBundle(Bundle.class).execute());
		assertRefused(400, "Location.address.city", () -> client.search()
			.byUrl("Location?address-city=" + "a".repeat(101)).returnBundle(Bundle.class).execute());
		assertRefused(400, "_count", () -> client.search()
			.byUrl("Location?address-city=Rabat&_count=101").returnBundle(Bundle.class).execute());
	}

	@Test
	void aProfessionalWhoNeverPractisedThereAndAnUnknownEstablishmentAreNotFound() {
		String stranger = Inpe.of(99_999_998);
		assertRefused(404, "PractitionerRole.id", () -> hospital.client().read().resource(PractitionerRole.class)
			.withId(hospital.inpe() + "-" + stranger).execute());
		assertRefused(404, "Location.id",
				() -> hospital.client().read().resource(Location.class).withId(stranger).execute());
		assertThat(hospital.client().search().forResource(Location.class)
			.where(Location.ORGANIZATION.hasId("Organization/" + stranger)).returnBundle(Bundle.class).execute()
			.getEntry()).isEmpty();
	}

	static void assertRefused(int status, String expression, Runnable call) {
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class, call::run);
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.getStatusCode()).isEqualTo(status);
		OperationOutcome.OperationOutcomeIssueComponent issue = FhirServerIntegrationTest.issue(refused);
		assertThat(issue.getExpression()).extracting(Object::toString).containsExactly(expression);
	}

	/** A commune no other test registers, in letters only as the ministry's lists write them. */
	private static String commune() {
		return "Ait " + People.letters(10);
	}
}
