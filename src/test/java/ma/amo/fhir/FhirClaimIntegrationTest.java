package ma.amo.fhir;

import static ma.amo.support.People.idcs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A hospital's claims through FHIR: adjudicated at once by the claims module's rules and answered line by line, the
 * same claim sent again answered the same without a second claim, what the platform cannot adjudicate refused naming
 * the element, and each provider kept to its own claims. Amounts as in ClaimAdjudicationIntegrationTest: a salaried
 * member's GP consultation C, 80 DH on the 2006 tariff, covered at 70 %.
 */
@IntegrationTest
class FhirClaimIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	ClaimAdjudication claims;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
		// No claim of these tests is drawn for review: the sample is 0 % on their dates, as in the claims' own tests.
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	String insured() {
		return Hospitals.insured(admin, imports, "Tazi", "Nadia", LocalDate.of(1985, 6, 1), 'F');
	}

	/** A consultation C billed 80 DH on 10 June 2026 at the hospital by its doctor, numbered {@code number}. */
	static Claim consultation(Hospitals.Hospital hospital, String patient, String number) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem(Canonical.claimsOf(hospital.inpe())).setValue(number);
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "institutional", null)));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference("Patient/" + patient));
		claim.setCreatedElement(new DateTimeType("2026-06-12"));
		claim.setProvider(new Reference("Organization/" + hospital.inpe()));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.setBillablePeriod(new Period().setStartElement(new DateTimeType("2026-06-10")));
		claim.addCareTeam().setSequence(1).setProvider(new Reference("Practitioner/" + hospital.doctor()))
			.setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claimcareteamrole", "primary", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/" + patient));
		claim.addItem().setSequence(1).setProductOrService(new CodeableConcept(new Coding(Canonical.ACTS, "C", null)))
			.setServiced(new DateType("2026-06-10")).setNet(new Money().setValue(new BigDecimal("80.00")).setCurrency("MAD"));
		return claim;
	}

	static ClaimResponse submit(IGenericClient client, Claim claim) {
		return Conformance.valid(client.operation().onType(Claim.class).named("$submit")
			.withParameter(Parameters.class, "resource", claim).returnResourceType(ClaimResponse.class).execute());
	}

	static BigDecimal amount(ClaimResponse.ItemComponent item, String category) {
		return item.getAdjudication().stream().filter(a -> category.equals(a.getCategory().getCodingFirstRep().getCode()))
			.findFirst().map(a -> a.hasAmount() ? a.getAmount().getValue() : a.getValue()).orElseThrow();
	}

	@Test
	void aHospitalsClaimIsAdjudicatedAtOnceAndAnsweredLineByLine() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		ClaimResponse response = submit(hospital.client(), consultation(hospital, patient, "FAC-" + UUID.randomUUID()));
		assertThat(response.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
		assertThat(response.getDisposition()).isEqualTo("Accordée");
		assertThat(response.getPatient().getReference()).isEqualTo("Patient/" + patient);
		ClaimResponse.ItemComponent item = response.getItemFirstRep();
		assertThat(item.getItemSequence()).isEqualTo(1);
		assertThat(amount(item, "submitted")).isEqualByComparingTo("80.00");
		assertThat(amount(item, "eligible")).isEqualByComparingTo("80.00");
		assertThat(amount(item, "eligpercent")).isEqualByComparingTo("70");
		assertThat(amount(item, "benefit")).isEqualByComparingTo("56.00");
		assertThat(amount(item, "copay")).isEqualByComparingTo("24.00");

		ClaimResponse read = Conformance.valid(
				hospital.client().read().resource(ClaimResponse.class).withId(response.getIdPart()).execute());
		assertThat(Hospitals.FHIR.newJsonParser().encodeResourceToString(read.setMeta(null)))
			.isEqualTo(Hospitals.FHIR.newJsonParser().encodeResourceToString(response.setMeta(null)));
	}

	@Test
	void theSameClaimSentAgainGetsTheSameClaimResponseAndIsStoredOnce() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		String number = "FAC-" + UUID.randomUUID();
		ClaimResponse first = submit(hospital.client(), consultation(hospital, patient, number));
		ClaimResponse again = submit(hospital.client(), consultation(hospital, patient, number));
		assertThat(again.getIdPart()).isEqualTo(first.getIdPart());
		assertThat(Hospitals.FHIR.newJsonParser().encodeResourceToString(again.setMeta(null)))
			.isEqualTo(Hospitals.FHIR.newJsonParser().encodeResourceToString(first.setMeta(null)));
		assertThat(again.getRequest().getIdentifier().getValue()).isEqualTo(number);
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isEqualTo(1);
	}

	@Test
	void anItemCodedOutsideTheActsAndMedicinesIsRefusedNamingTheItem() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		Claim claim = consultation(hospital, patient, "FAC-" + UUID.randomUUID());
		for (int sequence = 2; sequence <= 3; sequence++) {
			claim.addItem().setSequence(sequence).setServiced(new DateType("2026-06-10"))
				.setProductOrService(new CodeableConcept(new Coding("http://snomed.info/sct", "1234567", null)))
				.setNet(new Money().setValue(new BigDecimal("10.00")).setCurrency("MAD"));
		}
		claim.getItem().get(1).setProductOrService(new CodeableConcept(new Coding(Canonical.ACTS, "K", null)));
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
				() -> submit(hospital.client(), claim));
		assertThat(refused.getStatusCode()).isEqualTo(400);
		OperationOutcome outcome = Conformance.valid((OperationOutcome) refused.getOperationOutcome());
		assertThat(outcome.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
			.containsExactly("Claim.item[2].productOrService");
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isZero();
	}

	@Test
	void aClaimCitesItsReferralByTheRecordsNumberAndAnythingElseIsRefusedNamingTheElement() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		Claim claim = consultation(hospital, patient, "FAC-" + UUID.randomUUID());
		claim.getReferral().getIdentifier().setValue("ORIENTATION-12");
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
				() -> submit(hospital.client(), claim));
		assertThat(refused.getStatusCode()).isEqualTo(400);
		assertThat(((OperationOutcome) refused.getOperationOutcome()).getIssue())
			.extracting(i -> i.getExpression().get(0).getValue()).containsExactly("Claim.referral.identifier.value");
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isZero();

		claim.getReferral().getIdentifier().setValue("12");
		assertThat(submit(hospital.client(), claim).getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isEqualTo(1);
	}

	@Test
	void validateSaysWhatTheSpecificationAndThePlatformRefuseWithoutStoringAnything() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		Claim claim = consultation(hospital, patient, "FAC-" + UUID.randomUUID());
		OperationOutcome fine = (OperationOutcome) hospital.client().validate().resource(claim).execute()
			.getOperationOutcome();
		assertThat(fine.getIssue()).noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);

		claim.setStatus(null);
		claim.getItemFirstRep().setNet(null);
		OperationOutcome refused = Conformance.valid((OperationOutcome) hospital.client().validate().resource(claim)
			.execute().getOperationOutcome());
		assertThat(refused.getIssue()).filteredOn(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
			.extracting(i -> i.getDiagnostics() + " @ " + i.getExpression())
			.anyMatch(text -> text.contains("Claim.status"))
			.anyMatch(text -> text.contains("Claim.item[0].net"));
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isZero();
	}

	@Test
	void withProfileValidationOnAClaimTheSpecificationRefusesIsRefusedBeforeItIsRead() {
		Claim claim = consultation(new Hospitals.Hospital("000000001", "000000002", null, null), idcs(), "FAC-1");
		claim.setStatus(null);
		new ProfileValidation(Hospitals.FHIR, false, Conformance.validator()).checkIncoming(claim);
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
				() -> new ProfileValidation(Hospitals.FHIR, true, Conformance.validator()).checkIncoming(claim));
		assertThat(refused.getStatusCode()).isEqualTo(400);
		assertThat(((OperationOutcome) refused.getOperationOutcome()).getIssue())
			.anyMatch(i -> i.getDiagnostics().contains("Claim.status"));
	}

	@Test
	void aBatchOfClaimsIsAnsweredEntryByEntryAndSentAgainStoresNothingTwice() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		org.hl7.fhir.r4.model.Bundle batch = new org.hl7.fhir.r4.model.Bundle()
			.setType(org.hl7.fhir.r4.model.Bundle.BundleType.BATCH);
		for (int i = 0; i < 3; i++) {
			Claim claim = consultation(hospital, patient, "LOT-" + UUID.randomUUID());
			if (i == 1) {
				claim.getItemFirstRep().getNet().setCurrency("EUR");
			}
			batch.addEntry().setResource(claim).getRequest().setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST)
				.setUrl("Claim/$submit");
		}
		org.hl7.fhir.r4.model.Bundle answer = Conformance.valid(hospital.client().transaction().withBundle(batch).execute());
		assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("200 OK", "400", "200 OK");
		assertThat(answer.getEntry().get(1).getResponse().getOutcome()).isInstanceOfSatisfying(OperationOutcome.class,
				outcome -> assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue())
					.isEqualTo("Claim.item[0].net.currency"));
		assertThat(((ClaimResponse) answer.getEntry().get(0).getResource()).getOutcome())
			.isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);

		org.hl7.fhir.r4.model.Bundle again = hospital.client().transaction().withBundle(batch).execute();
		assertThat(again.getEntry().get(2).getResource().getIdElement().getIdPart())
			.isEqualTo(answer.getEntry().get(2).getResource().getIdElement().getIdPart());
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isEqualTo(2);
	}

	@Test
	void aClaimOfUsePreauthorizationIsReadAsAPriorApprovalRequestAndRefusedWithoutItsCareType() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		Claim claim = consultation(hospital, insured(), "FAC-" + UUID.randomUUID()).setUse(Claim.Use.PREAUTHORIZATION);
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
				() -> submit(hospital.client(), claim));
		assertThat(refused.getStatusCode()).isEqualTo(400);
		assertThat(((OperationOutcome) refused.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
			.isEqualTo("Claim.subType");
	}

	@Test
	void aProviderReadsOnlyItsOwnClaimsAndNumbersThemInItsOwnNamespace() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		Hospitals.Hospital other = Hospitals.hospital(admin, directory);
		String patient = insured();
		ClaimResponse response = submit(hospital.client(), consultation(hospital, patient, "FAC-" + UUID.randomUUID()));

		ForbiddenOperationException notTheirs = catchThrowableOfType(ForbiddenOperationException.class,
				() -> other.client().read().resource(ClaimResponse.class).withId(response.getIdPart()).execute());
		assertThat(((OperationOutcome) notTheirs.getOperationOutcome()).getIssueFirstRep().getCode())
			.isEqualTo(OperationOutcome.IssueType.FORBIDDEN);

		ForbiddenOperationException anotherNamespace = catchThrowableOfType(ForbiddenOperationException.class,
				() -> submit(other.client(), consultation(hospital, patient, "FAC-" + UUID.randomUUID())));
		assertThat(anotherNamespace).isNotNull();
	}
}
