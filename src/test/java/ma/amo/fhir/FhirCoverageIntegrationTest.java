package ma.amo.fhir;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import ma.amo.audit.AuditSearch;
import ma.amo.audit.AuditTrail;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hospital checks a patient's cover through FHIR: the CoverageEligibilityResponse says whether rights are in force
 * on the date of care and why, as the enrolment's eligibility decides it; the Coverage names the member and regime;
 * the directory and the referentials are readable as Organization, Practitioner, NamingSystem and CodeSystem.
 */
@IntegrationTest
class FhirCoverageIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	AuditTrail audit;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
	}

	/** A salaried member enrolled on {@code start}, with the usual waiting period unless waived. */
	String member(String start, boolean waived) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Bennani", "Omar", LocalDate.of(1980, 2, 2), 'M'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"%s\",\"waitingWaived\":%s}"
			.formatted(idcs, start, waived)).status()).isEqualTo(201);
		return idcs;
	}

	static CoverageEligibilityResponse check(ca.uhn.fhir.rest.client.api.IGenericClient client, String idcs, String date) {
		CoverageEligibilityRequest request = new CoverageEligibilityRequest();
		request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
		request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
		request.setPatient(new Reference("Patient/" + idcs));
		request.setServiced(new DateType(date));
		request.setCreated(new java.util.Date());
		request.setInsurer(new Reference().setDisplay("CNSS"));
		return Conformance.valid(client.operation().onType(CoverageEligibilityRequest.class).named("$submit")
			.withParameter(Parameters.class, "resource", request).returnResourceType(CoverageEligibilityResponse.class)
			.execute());
	}

	@Test
	void rightsInForceOnTheDateOfCareAreSaidWithTheirReasonAndAudited() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String idcs = member("2024-01-01", true);
		CoverageEligibilityResponse response = check(hospital.client(), idcs, "2026-06-01");
		assertThat(response.getInsuranceFirstRep().getInforce()).isTrue();
		assertThat(response.getInsuranceFirstRep().getItemFirstRep().getCategory().getCodingFirstRep().getCode())
			.isEqualTo("OPEN");
		assertThat(response.getDisposition()).startsWith("Droits ouverts");
		assertThat(response.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("Coverage/" + idcs);
		assertThat(audit.search(new AuditSearch(null, "PERSON", idcs, "ELIGIBILITY_CHECK", null, null), 0, 10).content())
			.hasSize(1);
	}

	@Test
	void rightsInTheirWaitingPeriodAreNotInForceAndSayWhy() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String idcs = member("2026-05-01", false);
		CoverageEligibilityResponse response = check(hospital.client(), idcs, "2026-06-10");
		assertThat(response.getInsuranceFirstRep().getInforce()).isFalse();
		assertThat(response.getInsuranceFirstRep().getItemFirstRep().getCategory().getCodingFirstRep().getCode())
			.isEqualTo("WAITING");
		assertThat(response.getInsuranceFirstRep().getItemFirstRep().getDescription()).isNotBlank();
	}

	@Test
	void theCoverageOfAMemberIsFoundByBeneficiaryAndByRegistrationNumber() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String idcs = member("2024-01-01", true);
		Bundle byBeneficiary = hospital.client().search().forResource(Coverage.class)
			.where(Coverage.BENEFICIARY.hasId("Patient/" + idcs)).returnBundle(Bundle.class).execute();
		Coverage coverage = Conformance.valid((Coverage) byBeneficiary.getEntryFirstRep().getResource());
		assertThat(coverage.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);
		assertThat(coverage.getClass_FirstRep().getValue()).isEqualTo("SALARIED_PRIVATE");
		assertThat(coverage.getRelationship().getCodingFirstRep().getCode()).isEqualTo("self");
		String registration = coverage.getSubscriberId();
		Bundle byNumber = hospital.client().search().forResource(Coverage.class)
			.where(Coverage.IDENTIFIER.exactly().systemAndIdentifier(Canonical.REGISTRATION_NUMBER, registration))
			.returnBundle(Bundle.class).execute();
		assertThat(((Coverage) byNumber.getEntryFirstRep().getResource()).getBeneficiary().getReference())
			.isEqualTo("Patient/" + idcs);
	}

	@Test
	void theDirectoryAndTheReferentialsAreReadable() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		Organization organization = Conformance.valid(
				hospital.client().read().resource(Organization.class).withId(hospital.inpe()).execute());
		assertThat(organization.getIdentifierFirstRep().getSystem()).isEqualTo(Canonical.INPE);
		Practitioner doctor = Conformance.valid(
				hospital.client().read().resource(Practitioner.class).withId(hospital.doctor()).execute());
		assertThat(doctor.getNameFirstRep().getFamily()).isEqualTo("Berrada");
		Bundle namingSystems = hospital.client().search().forResource(NamingSystem.class).returnBundle(Bundle.class).execute();
		assertThat(namingSystems.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly("cin", "claim", "end-to-end-id", "idcs", "inpe", "payment-batch", "prior-approval",
					"registration-number");
		namingSystems.getEntry().forEach(e -> Conformance.valid(e.getResource()));
		NamingSystem idcs = hospital.client().read().resource(NamingSystem.class).withId("idcs").execute();
		assertThat(idcs.getUniqueIdFirstRep().getValue()).isEqualTo(Canonical.IDCS);
		CodeSystem reasons = Conformance.valid(
				hospital.client().read().resource(CodeSystem.class).withId("reason-codes").execute());
		assertThat(reasons.getUrl()).isEqualTo(Canonical.REASON_CODES);
		assertThat(reasons.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
			.contains("BILLED_ABOVE_BASE", "AMOUNT_THRESHOLD");
		CodeSystem conditions = Conformance.valid(
				hospital.client().read().resource(CodeSystem.class).withId("long-term-conditions").execute());
		Conformance.valid(hospital.client().read().resource(CodeSystem.class).withId("rights-status").execute());
		assertThat(conditions.getConcept()).isNotEmpty();
	}
}
