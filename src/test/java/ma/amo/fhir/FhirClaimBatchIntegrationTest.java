package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimStatus;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Bundle of claims is stored entry by entry, then its new claims are adjudicated together in the order of the
 * Bundle: each claim is decided exactly as if the claims before it had been sent alone first, and one claim refused
 * or sent again never changes the answer of the others.
 */
@IntegrationTest
class FhirClaimBatchIntegrationTest {

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
		admin.post("/api/v1/parameters/claims.review.sample-percent", "{\"effectiveFrom\":\"2025-01-01\",\"value\":\"0\"}");
	}

	String insured() {
		return Hospitals.insured(admin, imports, "Alaoui", "Karim", LocalDate.of(1979, 3, 2), 'M');
	}

	static Bundle batch(Claim... claims) {
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		for (Claim claim : claims) {
			batch.addEntry().setResource(claim).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Claim/$submit");
		}
		return batch;
	}

	static String reasons(ClaimResponse response) {
		return response.getItemFirstRep().getAdjudication().stream().filter(a -> a.hasReason())
			.map(a -> a.getReason().getCodingFirstRep().getCode()).toList().toString();
	}

	@Test
	void theSameConsultationTwiceInOneBundleIsPaidOnceAndTheSecondIsADuplicateOfTheFirst() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		Bundle answer = Conformance.valid(hospital.client().transaction().withBundle(batch(
				FhirClaimIntegrationTest.consultation(hospital, patient, "LOT-" + UUID.randomUUID()),
				FhirClaimIntegrationTest.consultation(hospital, patient, "LOT-" + UUID.randomUUID()))).execute());

		assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("200 OK", "200 OK");
		ClaimResponse first = (ClaimResponse) answer.getEntry().get(0).getResource();
		ClaimResponse second = (ClaimResponse) answer.getEntry().get(1).getResource();
		assertThat(first.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(FhirClaimIntegrationTest.amount(first.getItemFirstRep(), "benefit")).isEqualByComparingTo("56.00");
		assertThat(second.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(reasons(second)).contains("DUPLICATE");
		assertThat(claims.search(ClaimStatus.APPROVED, patient, null, null, 0, 10).totalElements()).isEqualTo(1);
		assertThat(claims.search(ClaimStatus.REJECTED, patient, null, null, 0, 10).totalElements()).isEqualTo(1);
	}

	@Test
	void aClaimSentAgainInALaterBundleKeepsItsAnswerWhileTheNewOnesBesideItAreAdjudicated() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		String other = insured();
		Claim early = FhirClaimIntegrationTest.consultation(hospital, patient, "LOT-" + UUID.randomUUID());
		ClaimResponse alone = FhirClaimIntegrationTest.submit(hospital.client(), early);

		Claim refused = FhirClaimIntegrationTest.consultation(hospital, other, "LOT-" + UUID.randomUUID());
		refused.getItemFirstRep().getNet().setValue(new BigDecimal("-1"));
		Bundle answer = Conformance.valid(hospital.client().transaction().withBundle(batch(early, refused,
				FhirClaimIntegrationTest.consultation(hospital, other, "LOT-" + UUID.randomUUID()))).execute());

		assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("200 OK", "400", "200 OK");
		assertThat(answer.getEntry().get(0).getResource().getIdElement().getIdPart()).isEqualTo(alone.getIdPart());
		assertThat(reasons((ClaimResponse) answer.getEntry().get(0).getResource())).isEqualTo(reasons(alone));
		ClaimResponse fresh = (ClaimResponse) answer.getEntry().get(2).getResource();
		assertThat(fresh.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(FhirClaimIntegrationTest.amount(fresh.getItemFirstRep(), "benefit")).isEqualByComparingTo("56.00");
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isEqualTo(1);
		assertThat(claims.search(null, other, null, null, 0, 10).totalElements()).isEqualTo(1);
	}

	@Test
	void aClaimNumberMetTwiceInOneBundleIsStoredOnceBothAnsweredWithItAndOtherContentUnderItIsRefused() {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		String number = "LOT-" + UUID.randomUUID();
		Claim changed = FhirClaimIntegrationTest.consultation(hospital, patient, number);
		changed.getItemFirstRep().getNet().setValue(new BigDecimal("90.00"));
		Bundle answer = Conformance.valid(hospital.client().transaction().withBundle(batch(
				FhirClaimIntegrationTest.consultation(hospital, patient, number),
				FhirClaimIntegrationTest.consultation(hospital, patient, number), changed)).execute());

		assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("200 OK", "200 OK", "422");
		assertThat(answer.getEntry().get(1).getResource().getIdElement().getIdPart())
			.isEqualTo(answer.getEntry().get(0).getResource().getIdElement().getIdPart());
		assertThat(answer.getEntry().get(2).getResponse().getOutcome()).isNotNull();
		assertThat(((org.hl7.fhir.r4.model.OperationOutcome) answer.getEntry().get(2).getResponse().getOutcome())
			.getIssueFirstRep().getDiagnostics()).contains("idempotent-repeat");
		assertThat(claims.search(null, patient, null, null, 0, 10).totalElements()).isEqualTo(1);
	}

	@Test
	void aBundleAnsweredWithoutHapisEncoderGetsTheBytesHapiSendsForTheSameBundle() throws Exception {
		Hospitals.Hospital hospital = Hospitals.hospital(admin, directory);
		String patient = insured();
		Claim refused = FhirClaimIntegrationTest.consultation(hospital, patient, "LOT-" + UUID.randomUUID());
		refused.getItemFirstRep().getNet().setValue(new BigDecimal("-1"));
		String body = Hospitals.FHIR.newJsonParser().encodeResourceToString(batch(
				FhirClaimIntegrationTest.consultation(hospital, patient, "LOT-" + UUID.randomUUID()),
				FhirClaimIntegrationTest.consultation(hospital, patient, "LOT-" + UUID.randomUUID()), refused));

		// The first answer is written directly; the same Bundle sent again with a URL parameter is answered by HAPI's
		// encoder, from the same stored claims (a resubmission is answered with the claims of the first). Each answer
		// has its own id.
		HttpResponse<String> direct = post(hospital, "/fhir", body);
		HttpResponse<String> encoded = post(hospital, "/fhir?_format=json", body);

		assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
		String id = "\"id\":\"[0-9a-f-]{36}\"";
		assertThat(direct.body()).containsPattern(id);
		assertThat(direct.body().replaceFirst(id, "")).isEqualTo(encoded.body().replaceFirst(id, ""));
		// HAPI's answer holds nothing the direct writer leaves to HAPI's encoder: the first was written directly.
		assertThat(ClaimBatchAnswers.writable(Hospitals.FHIR.newJsonParser().parseResource(Bundle.class, encoded.body())))
			.isTrue();
		assertThat(direct.headers().firstValue("Content-Type")).isEqualTo(encoded.headers().firstValue("Content-Type"));
		assertThat(direct.headers().firstValue("X-Powered-By")).isEqualTo(encoded.headers().firstValue("X-Powered-By"));
		Bundle answer = Conformance.valid(Hospitals.FHIR.newJsonParser().parseResource(Bundle.class, direct.body()));
		assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("200 OK", "200 OK", "400");
		assertThat(reasons((ClaimResponse) answer.getEntry().get(1).getResource())).contains("DUPLICATE");
	}

	private HttpResponse<String> post(Hospitals.Hospital hospital, String path, String body) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin.base() + path))
			.header("Authorization", "Bearer " + hospital.token()).header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
