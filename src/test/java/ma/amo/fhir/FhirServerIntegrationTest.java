package ma.amo.fhir;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ma.amo.audit.AuditSearch;
import ma.amo.audit.AuditTrail;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The FHIR server as a hospital's system meets it: its CapabilityStatement open to all, everything else behind the
 * platform's security with refusals as OperationOutcomes, strict parsing, patients found by IDCS or CIN and every
 * read of one in the audit trail.
 */
@IntegrationTest
class FhirServerIntegrationTest {

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

	@Test
	void theCapabilityStatementIsOpenAndListsTheResourcesServed() {
		CapabilityStatement statement = Conformance.valid(Hospitals.anonymous(admin.base()).capabilities()
			.ofType(CapabilityStatement.class).execute());
		assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
			.contains("Patient", "Coverage", "CoverageEligibilityRequest", "Claim", "ClaimResponse",
					"ExplanationOfBenefit", "Organization", "Practitioner", "PractitionerRole", "Location",
					"PaymentReconciliation", "NamingSystem", "CodeSystem");
		assertThat(statement.getInstantiates()).extracting(i -> i.getValue()).contains(BulkDataCapability.BULK_DATA);
		assertThat(statement.getRestFirstRep().getOperation()).extracting(o -> o.getName() + " " + o.getDefinition())
			.contains("export " + BulkDataCapability.EXPORT);
		assertThat(statement.getRestFirstRep().getOperation()).extracting(o -> o.getName())
			.contains("export-poll-status", "export-file");
		assertThat(statement.getRestFirstRep().getResource()).filteredOn(r -> r.getType().equals("Patient"))
			.singleElement().satisfies(patient -> assertThat(patient.getOperation())
				.extracting(o -> o.getName() + " " + o.getDefinition()).contains("export " + BulkDataCapability.PATIENT_EXPORT));
		assertThat(statement.getRestFirstRep().getResource()).filteredOn(r -> r.getType().equals("Claim"))
			.singleElement().satisfies(claim -> assertThat(claim.getOperation()).extracting(o -> o.getName())
				.contains("submit", "validate"));
		assertThat(statement.getRestFirstRep().getResource())
			.filteredOn(r -> r.getType().equals("CoverageEligibilityRequest")).singleElement()
			.satisfies(request -> assertThat(request.getOperation()).extracting(o -> o.getName())
				.contains("submit", "validate"));
	}

	@Test
	void withoutCredentialsAPatientIsRefusedWithAnOperationOutcome() {
		AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
				() -> Hospitals.anonymous(admin.base()).read().resource(Patient.class).withId("999999999999").execute());
		assertThat(issue(refused).getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
	}

	@Test
	void aRoleOutsideTheRulesIsRefusedWithAnOperationOutcome() {
		String member = "fhir-member-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/users", """
				{"username":"%s","password":"%s","role":"MEMBER","idcs":"100000000000"}"""
			.formatted(member, Users.PASSWORD)).status()).isEqualTo(201);
		ForbiddenOperationException refused = catchThrowableOfType(ForbiddenOperationException.class,
				() -> Hospitals.as(admin.base(), member, Users.PASSWORD).read().resource(Patient.class)
					.withId("999999999999").execute());
		assertThat(issue(refused).getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
	}

	@Test
	void aHospitalFindsAPatientByCinAndTheReadIsAudited() {
		String idcs = idcs();
		String cin = cin();
		Registers.persons(imports, rnp(idcs, cin, "Alaoui", "Hind", LocalDate.of(1975, 5, 5), 'F'));
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);

		Bundle found = hospital.client().search().forResource(Patient.class)
			.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(Canonical.CIN, cin)).returnBundle(Bundle.class)
			.execute();
		assertThat(found.getEntry()).hasSize(1);
		Patient patient = Conformance.valid((Patient) found.getEntryFirstRep().getResource());
		assertThat(patient.getIdPart()).isEqualTo(idcs);
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Alaoui");
		assertThat(patient.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
			.contains(Canonical.IDCS + "|" + idcs, Canonical.CIN + "|" + cin);

		Patient read = hospital.client().read().resource(Patient.class).withId(idcs).execute();
		assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1975-05-05");
		assertThat(audit.search(new AuditSearch(null, "PERSON", idcs, "REGISTER_MANAGEMENT", null, null), 0, 10)
			.content()).hasSize(2);
	}

	@Test
	void anUnknownPatientIsNotFoundWithAnOperationOutcome() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		BaseServerResponseException missing = catchThrowableOfType(BaseServerResponseException.class,
				() -> hospital.client().read().resource(Patient.class).withId(idcs()).execute());
		assertThat(missing.getStatusCode()).isEqualTo(404);
		assertThat(issue(missing).getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
	}

	@Test
	void aBodyWithAnElementFhirDoesNotKnowIsRefusedNotDropped() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create(admin.base() + "/fhir/CoverageEligibilityRequest/$submit"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((Api.ADMINISTRATOR + ":" + Api.ADMINISTRATOR_PASSWORD).getBytes()))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"resourceType":"CoverageEligibilityRequest","status":"active","purpose":["validation"],
					 "patient":{"reference":"Patient/%s"},"created":"2026-06-15","insurer":{"display":"CNSS"},
					 "secretDiscount":true}""".formatted(idcs())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(400);
		OperationOutcome outcome = Hospitals.FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.body());
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("secretDiscount");
	}

	static OperationOutcome.OperationOutcomeIssueComponent issue(BaseServerResponseException refused) {
		assertThat(refused).isNotNull();
		assertThat(refused.getOperationOutcome()).as(refused.getMessage()).isInstanceOf(OperationOutcome.class);
		return Conformance.valid((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep();
	}
}
