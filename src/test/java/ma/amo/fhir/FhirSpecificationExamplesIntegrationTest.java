package ma.amo.fhir;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example Claims of the FHIR R4 specification (oral, institutional, professional, pharmacy, vision
 * preauthorization, oral with contained resources; {@code src/test/resources/fhir/specification-claims}) as a hospital
 * would send them: none fits our referentials as it is (American codes, dollars, patients and providers we do not
 * know), so each is refused with an OperationOutcome naming an element, never a 500; the institutional one with its
 * codes mapped to ours is adjudicated.
 */
@IntegrationTest
class FhirSpecificationExamplesIntegrationTest {

	private static final List<String> EXAMPLES = List.of("oral", "institutional", "professional", "pharmacy",
			"vision-preauthorization", "oral-contained");

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	static Claim example(String name) {
		try (InputStream in = FhirSpecificationExamplesIntegrationTest.class
			.getResourceAsStream("/fhir/specification-claims/" + name + ".json")) {
			return Hospitals.FHIR.newJsonParser().parseResource(Claim.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void eachExampleClaimOfTheSpecificationIsRefusedNamingAnElementNeverWithA500() {
		Hospitals.Hospital hospital = Hospitals.hospital(new Api(port), directory);
		List<String> answers = new ArrayList<>();
		for (String name : EXAMPLES) {
			try {
				FhirClaimIntegrationTest.submit(hospital.client(), example(name));
				answers.add(name + ": accepted");
			}
			catch (BaseServerResponseException refused) {
				OperationOutcome outcome = Conformance.valid((OperationOutcome) refused.getOperationOutcome());
				boolean named = outcome.getIssue().stream().anyMatch(i -> !i.getExpression().isEmpty());
				answers.add(name + ": " + refused.getStatusCode() + (named ? " named" : " unnamed"));
			}
		}
		assertThat(answers).containsExactly("oral: 400 named", "institutional: 400 named", "professional: 400 named",
				"pharmacy: 400 named", "vision-preauthorization: 400 named", "oral-contained: 400 named");
	}

	@Test
	void theInstitutionalExampleWithItsCodesMappedToOursIsAdjudicated() {
		Api admin = new Api(port);
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = idcs();
		Registers.persons(imports, rnp(patient, cin(), "Idrissi", "Karim", LocalDate.of(1979, 9, 9), 'M'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(patient)).status()).isEqualTo(201);

		Claim claim = example("institutional");
		claim.getIdentifierFirstRep().setSystem(Canonical.claimsOf(hospital.inpe())).setValue("EX-" + UUID.randomUUID());
		claim.setPatient(new Reference("Patient/" + patient));
		claim.setProvider(new Reference("Organization/" + hospital.inpe()));
		claim.setCreatedElement(new DateTimeType("2026-06-12"));
		claim.getDiagnosis().clear();
		claim.addCareTeam().setSequence(1).setProvider(new Reference("Practitioner/" + hospital.doctor()))
			.setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claimcareteamrole", "primary", null)));
		Claim.ItemComponent item = claim.getItemFirstRep();
		item.setProductOrService(new CodeableConcept(new Coding(Canonical.ACTS, "C", "Consultation")));
		item.setServiced(new DateType("2026-06-10"));
		item.getUnitPrice().setValue(new java.math.BigDecimal("80.00")).setCurrency("MAD");
		item.getNet().setValue(new java.math.BigDecimal("80.00")).setCurrency("MAD");
		claim.getTotal().setValue(new java.math.BigDecimal("80.00")).setCurrency("MAD");

		ClaimResponse response = FhirClaimIntegrationTest.submit(hospital.client(), claim);
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(FhirClaimIntegrationTest.amount(response.getItemFirstRep(), "benefit")).isEqualByComparingTo("56.00");
	}
}
