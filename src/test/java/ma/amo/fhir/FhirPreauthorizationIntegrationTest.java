package ma.amo.fhir;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hospital's prior approvals through FHIR, on the fixed day 15 June 2026: asked with a Claim of use
 * preauthorization, queued until a medical reviewer decides through the approvals API, then complete with the
 * reference a claim cites. Amounts as in InvoicesUseApprovalsIntegrationTest: an appendicectomy K 70 × 22.50 =
 * 1,575.00 in a private clinic, CNSS 70 %, covered 1,102.50.
 */
@IntegrationTest
class FhirPreauthorizationIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@LocalServerPort
	int port;

	Api admin;
	Api reviewer;

	@BeforeEach
	void client() {
		admin = new Api(port);
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
		reviewer = Users.medicalReviewer(admin);
	}

	String insured() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Alaoui", "Karim", LocalDate.of(1980, 3, 3), 'M'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	/** A two-day stay for an appendicectomy billed 2,500 DH, planned from 10 June 2026. */
	static Claim stay(Hospitals.Hospital hospital, String patient, String number) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem(Canonical.claimsOf(hospital.inpe())).setValue(number);
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "institutional", null)));
		claim.setSubType(new CodeableConcept(new Coding(PreauthorizationMapping.CARE_TYPES, "HOSPITAL_STAY", null)));
		claim.setUse(Claim.Use.PREAUTHORIZATION);
		claim.setPatient(new Reference("Patient/" + patient));
		claim.setCreatedElement(new DateTimeType("2026-06-09"));
		claim.setProvider(new Reference("Organization/" + hospital.inpe()));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.setBillablePeriod(new Period().setStartElement(new DateTimeType("2026-06-10")));
		claim.addSupportingInfo().setSequence(1)
			.setCategory(new CodeableConcept(new Coding(PreauthorizationMapping.APPROVAL_INFO, "stay-days", null)))
			.setValue(new Quantity(2));
		claim.addSupportingInfo().setSequence(2)
			.setCategory(new CodeableConcept(new Coding(PreauthorizationMapping.APPROVAL_INFO, "medical-note", null)))
			.setValue(new StringType("Appendicite aiguë, indication opératoire posée aux urgences"));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/" + patient));
		claim.addItem().setSequence(1)
			.setProductOrService(new CodeableConcept(new Coding(Canonical.ACTS, "APPENDICECTOMIE", null)))
			.setNet(new Money().setValue(new BigDecimal("2500.00")).setCurrency("MAD"));
		return claim;
	}

	@Test
	void aStayAskedThroughFhirIsQueuedThenApprovedAndTheClaimCitingItIsCoveredByIt() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		String number = "PEC-" + UUID.randomUUID();
		ClaimResponse queued = FhirClaimIntegrationTest.submit(hospital.client(), stay(hospital, patient, number));
		assertThat(queued.getUse()).isEqualTo(ClaimResponse.Use.PREAUTHORIZATION);
		assertThat(queued.getOutcome()).isEqualTo(RemittanceOutcome.QUEUED);
		assertThat(queued.getDisposition()).isEqualTo("Reçue, en attente de l'avis du médecin conseil");
		assertThat(queued.hasPreAuthRef()).isFalse();
		String reference = queued.getIdPart();
		assertThat(reference).matches("PA-2026-\\d+");
		assertThat(queued.getTotalFirstRep().getAmount().getValue()).isEqualByComparingTo("2500.00");

		ClaimResponse again = FhirClaimIntegrationTest.submit(hospital.client(), stay(hospital, patient, number));
		assertThat(again.getIdPart()).isEqualTo(reference);
		assertThat(reviewer.get("/api/v1/prior-approvals?idcs=" + patient).body().size()).isEqualTo(1);

		Api.Response decided = reviewer.post("/api/v1/prior-approvals/" + reference + "/decision",
				"{\"decision\":\"APPROVED\",\"amount\":1102.50,\"validFrom\":\"2026-06-05\",\"validUntil\":\"2026-07-05\"}");
		assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
		ClaimResponse approved = Conformance.valid(
				hospital.client().read().resource(ClaimResponse.class).withId(reference).execute());
		assertThat(approved.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
		assertThat(approved.getDisposition()).isEqualTo("Accord préalable accordé");
		assertThat(approved.getPreAuthRef()).isEqualTo(reference);
		assertThat(approved.getPreAuthPeriod().getStartElement().getValueAsString()).isEqualTo("2026-06-05");
		assertThat(approved.getPreAuthPeriod().getEndElement().getValueAsString()).isEqualTo("2026-07-05");
		assertThat(approved.getTotal()).filteredOn(t -> "benefit".equals(t.getCategory().getCodingFirstRep().getCode()))
			.singleElement().satisfies(t -> assertThat(t.getAmount().getValue()).isEqualByComparingTo("1102.50"));

		String surgeon = directory.register(new ProviderDirectory.NewProfessional("Bennani", "Omar",
				Profession.SPECIALIST, "Chirurgie générale", "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"),
				LocalDate.of(2020, 1, 1)).inpe();
		Claim invoice = FhirClaimIntegrationTest.consultation(hospital, patient, "FAC-" + UUID.randomUUID());
		invoice.getCareTeamFirstRep().setProvider(new Reference("Practitioner/" + surgeon));
		invoice.getItemFirstRep().setProductOrService(new CodeableConcept(new Coding(Canonical.ACTS, "APPENDICECTOMIE", null)))
			.setServiced(new DateType("2026-06-10")).setNet(new Money().setValue(new BigDecimal("2500.00")).setCurrency("MAD"));
		invoice.getInsuranceFirstRep().addPreAuthRef(reference);
		ClaimResponse adjudicated = FhirClaimIntegrationTest.submit(hospital.client(), invoice);
		assertThat(FhirClaimIntegrationTest.amount(adjudicated.getItemFirstRep(), "benefit")).isEqualByComparingTo("1102.50");
		assertThat(reviewer.get("/api/v1/prior-approvals/" + reference).body().get("amountUsed").get("amount").decimalValue())
			.isEqualByComparingTo("1102.50");
	}

	@Test
	void anotherHospitalCannotReadARequestItDidNotFile() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		Hospitals.Hospital other = Hospitals.hospital(admin, directory);
		ClaimResponse queued = FhirClaimIntegrationTest.submit(hospital.client(),
				stay(hospital, insured(), "PEC-" + UUID.randomUUID()));
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
				() -> other.client().read().resource(ClaimResponse.class).withId(queued.getIdPart()).execute());
		assertThat(refused.getStatusCode()).isEqualTo(403);
	}

	@Test
	void aQuestionOfTheReviewerLeavesTheRequestPartialWithTheQuestionAsItsDisposition() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String reference = FhirClaimIntegrationTest.submit(hospital.client(),
				stay(hospital, insured(), "PEC-" + UUID.randomUUID())).getIdPart();
		assertThat(reviewer.post("/api/v1/prior-approvals/" + reference + "/decision",
				"{\"decision\":\"MORE_INFORMATION_REQUESTED\",\"reason\":\"Joindre le compte rendu d'échographie\"}")
			.status()).isEqualTo(200);
		ClaimResponse asked = Conformance.valid(
				hospital.client().read().resource(ClaimResponse.class).withId(reference).execute());
		assertThat(asked.getOutcome()).isEqualTo(RemittanceOutcome.PARTIAL);
		assertThat(asked.getDisposition())
			.isEqualTo("Complément d'information demandé: Joindre le compte rendu d'échographie");
	}

	@Test
	void aRejectionByTheReviewerIsCompleteWithItsReasonAndNoReference() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String reference = FhirClaimIntegrationTest.submit(hospital.client(),
				stay(hospital, insured(), "PEC-" + UUID.randomUUID())).getIdPart();
		assertThat(reviewer.post("/api/v1/prior-approvals/" + reference + "/decision",
				"{\"decision\":\"REJECTED\",\"reason\":\"Indication non justifiée\"}").status()).isEqualTo(200);
		ClaimResponse rejected = Conformance.valid(
				hospital.client().read().resource(ClaimResponse.class).withId(reference).execute());
		assertThat(rejected.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
		assertThat(rejected.getDisposition()).isEqualTo("Accord préalable refusé: Indication non justifiée");
		assertThat(rejected.hasPreAuthRef()).isFalse();
	}

	@Test
	void aRequestWithoutCareTypeOrWithAnUnknownCodeIsRefusedNamingTheElementsAndNothingIsStored() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		Claim claim = stay(hospital, patient, "PEC-" + UUID.randomUUID());
		claim.setSubType(null);
		claim.getItemFirstRep().setProductOrService(new CodeableConcept(new Coding("http://snomed.info/sct", "80146002", null)));
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
				() -> FhirClaimIntegrationTest.submit(hospital.client(), claim));
		assertThat(refused.getStatusCode()).isEqualTo(400);
		OperationOutcome outcome = Conformance.valid((OperationOutcome) refused.getOperationOutcome());
		assertThat(outcome.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
			.containsExactlyInAnyOrder("Claim.subType", "Claim.item[0].productOrService");

		Claim noNote = stay(hospital, patient, "PEC-" + UUID.randomUUID());
		noNote.getSupportingInfo().remove(1);
		BaseServerResponseException unjustified = catchThrowableOfType(BaseServerResponseException.class,
				() -> FhirClaimIntegrationTest.submit(hospital.client(), noNote));
		assertThat(unjustified.getStatusCode()).isEqualTo(400);
		assertThat(((OperationOutcome) unjustified.getOperationOutcome()).getIssue())
			.extracting(i -> i.getExpression().get(0).getValue() + " " + i.getDiagnostics())
			.containsExactly("Claim.supportingInfo medicalNote (required): the medical note justifies the request");
		assertThat(reviewer.get("/api/v1/prior-approvals?idcs=" + patient).body().size()).isZero();
	}
}
