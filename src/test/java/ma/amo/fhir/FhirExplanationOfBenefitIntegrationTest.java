package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.UUID;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Payees;
import ma.amo.support.Users;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * ExplanationOfBenefits through FHIR: the adjudicated claim with its items' amounts, then its payment once a batch
 * paid it, read and searched by the hospital that submitted it and the member it concerns, and by no one else.
 * Amounts as in FhirClaimIntegrationTest: a consultation C billed 80 DH, covered 56.00, the patient's share 24.00.
 */
@IntegrationTest
class FhirExplanationOfBenefitIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	java.time.Clock clock;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	String insured() {
		return Hospitals.insured(admin, imports, "Bennis", "Salma", LocalDate.of(1988, 2, 2), 'F');
	}

	IGenericClient member(String idcs) {
		String username = "eob-member-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/users", """
				{"username":"%s","password":"%s","role":"MEMBER","idcs":"%s"}""".formatted(username, Users.PASSWORD, idcs))
			.status()).isEqualTo(201);
		return Hospitals.as(admin.base(), username, Users.PASSWORD);
	}

	static Bundle byPatient(IGenericClient client, String patient) {
		return Conformance.valid(client.search().forResource(ExplanationOfBenefit.class)
			.where(ExplanationOfBenefit.PATIENT.hasId("Patient/" + patient)).returnBundle(Bundle.class).execute());
	}

	@Test
	void theHospitalReadsTheAdjudicatedClaimAndThenItsPaymentWithTheBatchThatPaidIt() throws InterruptedException {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		ClaimResponse response = FhirClaimIntegrationTest.submit(hospital.client(),
				FhirClaimIntegrationTest.consultation(hospital, patient, "FAC-" + UUID.randomUUID()));
		ExplanationOfBenefit eob = Conformance.valid(hospital.client().read().resource(ExplanationOfBenefit.class)
			.withId(response.getIdPart()).execute());
		assertThat(eob.getOutcome()).isEqualTo(ExplanationOfBenefit.RemittanceOutcome.COMPLETE);
		assertThat(eob.getClaimResponse().getReference()).isEqualTo("ClaimResponse/" + response.getIdPart());
		assertThat(eob.getItemFirstRep().getAdjudication()).filteredOn(a -> a.hasAmount() || a.hasValue())
			.extracting(a -> a.getCategory().getCodingFirstRep().getCode() + " "
					+ (a.hasAmount() ? a.getAmount().getValue().toPlainString() : a.getValue().toPlainString()))
			.containsExactly("submitted 80.00", "eligible 80.00", "eligpercent 70", "benefit 56.00", "copay 24.00");
		assertThat(eob.hasPayment()).isFalse();

		Payees.account(admin, "ESTABLISHMENT", hospital.inpe());
		Api.Response batch = Payees.approvedBatch(admin, "CNSS", "2026-06-15", "lot-" + UUID.randomUUID());
		assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
		ExplanationOfBenefit paid = eob;
		for (int attempt = 0; attempt < 100 && !paid.hasPayment(); attempt++) {
			Thread.sleep(100);
			paid = hospital.client().read().resource(ExplanationOfBenefit.class).withId(response.getIdPart()).execute();
		}
		Conformance.valid(paid);
		assertThat(paid.getDisposition()).isEqualTo("Payée");
		assertThat(paid.getPayment().getAmount().getValue()).isEqualByComparingTo("56.00");
		// The payment's date is the day the claim's history records it paid.
		JsonNode step = java.util.stream.StreamSupport.stream(admin.get("/api/v1/claims/" + response.getIdPart()
				+ "/history").body().spliterator(), false).filter(n -> "PAID".equals(n.get("status").asText())).findFirst()
			.orElseThrow();
		assertThat(paid.getPayment().getDateElement().getValueAsString())
			.isEqualTo(java.time.Instant.parse(step.get("at").asText()).atZone(clock.getZone()).toLocalDate().toString());
		assertThat(paid.getPayment().getIdentifier().getValue()).isEqualTo(batch.body().get("reference").asText());
	}

	@Test
	void eachReaderFindsOnlyTheClaimsOfItsScope() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		Hospitals.Hospital other = Hospitals.hospital(admin, directory);
		String patient = insured();
		String claimId = FhirClaimIntegrationTest.submit(hospital.client(),
				FhirClaimIntegrationTest.consultation(hospital, patient, "FAC-" + UUID.randomUUID())).getIdPart();

		assertThat(byPatient(hospital.client(), patient).getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
			.containsExactly(claimId);
		assertThat(Conformance.valid(hospital.client().search().forResource(ExplanationOfBenefit.class)
			.where(ExplanationOfBenefit.PROVIDER.hasId("Organization/" + hospital.inpe())).returnBundle(Bundle.class)
			.execute()).getEntry()).hasSize(1);
		assertThat(byPatient(member(patient), patient).getEntry()).hasSize(1);
		assertThat(member(patient).read().resource(ExplanationOfBenefit.class).withId(claimId).execute().getIdPart())
			.isEqualTo(claimId);

		assertThat(byPatient(other.client(), patient).getEntry()).isEmpty();
		assertThat(byPatient(member(insured()), patient).getEntry()).isEmpty();
		BaseServerResponseException refused = catchThrowableOfType(BaseServerResponseException.class,
				() -> other.client().read().resource(ExplanationOfBenefit.class).withId(claimId).execute());
		assertThat(refused.getStatusCode()).isEqualTo(403);
		BaseServerResponseException stranger = catchThrowableOfType(BaseServerResponseException.class,
				() -> member(insured()).read().resource(ExplanationOfBenefit.class).withId(claimId).execute());
		assertThat(stranger.getStatusCode()).isEqualTo(403);
	}

	@Test
	void theHospitalFindsItsClaimsByTheInstantTheyWereAdjudicated() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String claimId = FhirClaimIntegrationTest.submit(hospital.client(),
				FhirClaimIntegrationTest.consultation(hospital, insured(), "FAC-" + UUID.randomUUID())).getIdPart();
		java.time.Instant created = hospital.client().read().resource(ExplanationOfBenefit.class).withId(claimId)
			.execute().getCreated().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String provider = "ExplanationOfBenefit?provider=Organization/" + hospital.inpe();

		assertThat(hospital.client().search().byUrl(provider + "&created=ge" + created + "&created=le"
				+ created.plusSeconds(1)).returnBundle(Bundle.class).execute().getEntry())
			.extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(claimId);
		assertThat(hospital.client().search().byUrl(provider + "&created=lt" + created).returnBundle(Bundle.class)
			.execute().getEntry()).isEmpty();
		assertThat(hospital.client().search().byUrl(provider + "&created=gt" + created.plusSeconds(1))
			.returnBundle(Bundle.class).execute().getEntry()).isEmpty();
		BaseServerResponseException impossible = catchThrowableOfType(BaseServerResponseException.class,
				() -> hospital.client().search().byUrl(provider + "&created=2026-13-45").returnBundle(Bundle.class)
					.execute());
		assertThat(impossible.getStatusCode()).isEqualTo(400);
		assertThat(FhirServerIntegrationTest.issue(impossible).getExpression()).extracting(e -> e.getValue())
			.containsExactly("ExplanationOfBenefit.created");
		BaseServerResponseException backwards = catchThrowableOfType(BaseServerResponseException.class,
				() -> hospital.client().search().byUrl(provider + "&created=ge2026-06-16&created=le2026-06-01")
					.returnBundle(Bundle.class).execute());
		assertThat(backwards.getStatusCode()).isEqualTo(400);
	}

	@Test
	void theCapabilityStatementOffersExplanationOfBenefitReadAndSearch() {
		org.hl7.fhir.r4.model.CapabilityStatement capabilities = Hospitals.anonymous(admin.base()).capabilities()
			.ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
		assertThat(capabilities.getRestFirstRep().getResource())
			.filteredOn(r -> "ExplanationOfBenefit".equals(r.getType())).singleElement()
			.satisfies(r -> assertThat(r.getInteraction()).extracting(i -> i.getCode().toCode())
				.contains("read", "search-type"))
			.satisfies(r -> assertThat(r.getSearchParam()).extracting(p -> p.getName()).contains("patient", "provider", "created"));
	}

	@Test
	void aPageLargerThanAHundredOrAProviderThatIsNotOneIsRefused() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		BaseServerResponseException tooMany = catchThrowableOfType(BaseServerResponseException.class,
				() -> hospital.client().search().forResource(ExplanationOfBenefit.class).count(101)
					.returnBundle(Bundle.class).execute());
		assertThat(tooMany.getStatusCode()).isEqualTo(400);
		BaseServerResponseException notAProvider = catchThrowableOfType(BaseServerResponseException.class,
				() -> hospital.client().search().forResource(ExplanationOfBenefit.class)
					.where(ExplanationOfBenefit.PROVIDER.hasId("Patient/" + hospital.inpe())).returnBundle(Bundle.class)
					.execute());
		assertThat(notAProvider.getStatusCode()).isEqualTo(400);
	}
}
