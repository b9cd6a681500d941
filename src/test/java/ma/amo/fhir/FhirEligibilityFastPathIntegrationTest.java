package ma.amo.fhir;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import ma.amo.audit.AuditSearch;
import ma.amo.audit.AuditTrail;
import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The eligibility check every hospital system sends is answered without HAPI's request cycle, and the answer is the
 * very one HAPI gives (the same request with a URL parameter goes through HAPI): same bytes, valid FHIR, audited the
 * same. A request outside that shape, or one the rights check refuses, still gets HAPI's answer or OperationOutcome.
 */
@IntegrationTest
class FhirEligibilityFastPathIntegrationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String PATH = "/fhir/CoverageEligibilityRequest/$submit";

	private static final String CREATED = "\"created\":\"2026-06-1[5-6]T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}\"";

	@Autowired
	PopulationImports imports;

	@Autowired
	AuditTrail audit;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
	}

	String member(String start, boolean waived) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Tazi", "Salma", LocalDate.of(1985, 3, 3), 'F'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"%s\",\"waitingWaived\":%s}"
			.formatted(idcs, start, waived)).status()).isEqualTo(201);
		return idcs;
	}

	static String body(String request) {
		return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
				+ "{\"resourceType\":\"CoverageEligibilityRequest\"," + request + "}}]}";
	}

	@Test
	void theUsualEligibilityCheckIsAnsweredWithTheSameBytesHapiWouldSendAndAuditedEachTime() {
		String open = member("2024-01-01", true);
		String waiting = member("2026-05-01", false);
		String stranger = idcs();
		Registers.persons(imports, rnp(stranger, cin(), "Idrissi", "Karim", LocalDate.of(1990, 1, 1), 'M'));
		for (String request : new String[] {
				"\"status\":\"active\",\"purpose\":[\"validation\"],\"patient\":{\"reference\":\"Patient/" + open
						+ "\"},\"servicedDate\":\"2026-06-01\",\"created\":\"2026-06-01\",\"insurer\":{\"display\":\"AMO\"}",
				"\"id\":\"demande-1\",\"identifier\":[{\"system\":\"https://clinique.example.ma/demandes\",\"value\":\"E-77\"}],\"status\":\"active\","
						+ "\"purpose\":[\"benefits\",\"validation\"],\"patient\":{\"reference\":\"Patient/" + waiting
						+ "\"},\"servicedDate\":\"2026-06-10\",\"created\":\"2026-06-10T08:30:00+01:00\","
						+ "\"provider\":{\"reference\":\"Organization/1\",\"display\":\"Clinique\"}",
				"\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + stranger + "\"}"}) {
			HttpResponse<String> fast = post(PATH, body(request), "application/fhir+json");
			HttpResponse<String> hapi = post(PATH + "?_format=json", body(request), "application/fhir+json");
			assertThat(fast.statusCode()).as(fast.body()).isEqualTo(200);
			assertThat(hapi.statusCode()).as(hapi.body()).isEqualTo(200);
			// The platform's clock runs on from its fixed start: the two answers may be a second apart.
			assertThat(fast.body()).containsPattern(CREATED);
			assertThat(fast.body().replaceFirst(CREATED, "")).isEqualTo(hapi.body().replaceFirst(CREATED, ""));
			assertThat(fast.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
			// Only HAPI's answers carry its X-Powered-By header: the first went the fast way.
			assertThat(fast.headers().firstValue("X-Powered-By")).isEmpty();
			assertThat(hapi.headers().firstValue("X-Powered-By")).isPresent();
			Conformance.valid(Hospitals.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, fast.body()));
		}
		assertThat(audit.search(new AuditSearch(null, "PERSON", open, "ELIGIBILITY_CHECK", null, null), 0, 10).content())
			.hasSize(2);
		CoverageEligibilityResponse answer = Hospitals.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class,
				post(PATH, body("\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + waiting
						+ "\"},\"servicedDate\":\"2026-06-10\""), "application/json").body());
		assertThat(answer.getInsuranceFirstRep().getInforce()).isFalse();
		assertThat(answer.getInsuranceFirstRep().getItemFirstRep().getCategory().getCodingFirstRep().getCode())
			.isEqualTo("WAITING");
	}

	@Test
	void aCheckOutsideTheUsualShapeIsStillAnsweredOrRefusedByHapiNamingTheElement() {
		String open = member("2024-01-01", true);
		String patient = "\"patient\":{\"reference\":\"Patient/" + open + "\"}";
		// Valid FHIR the fast path does not read: HAPI answers it.
		HttpResponse<String> withText = post(PATH, body("\"status\":\"active\"," + patient
				+ ",\"servicedDate\":\"2026-06-01\",\"priority\":{\"text\":\"normal\"}"), "application/fhir+json");
		assertThat(withText.statusCode()).as(withText.body()).isEqualTo(200);
		assertThat(withText.headers().firstValue("X-Powered-By")).isPresent();

		refused(post(PATH, body("\"status\":\"active\"," + patient + ",\"secretDiscount\":true"), "application/fhir+json"),
				400, null, "secretDiscount");
		refused(post(PATH, body("\"status\":\"active\"," + patient + ",\"servicedDate\":\"2026-06\""),
				"application/fhir+json"), 400, "CoverageEligibilityRequest.servicedDate", null);
		refused(post(PATH, body("\"status\":\"active\"," + patient + ",\"servicedDate\":\"2026-02-30\""),
				"application/fhir+json"), 400, null, null);
		refused(post(PATH, body("\"status\":\"paused\"," + patient), "application/fhir+json"), 400, null, null);
		refused(post(PATH, body("\"status\":\"active\",\"patient\":{\"reference\":\"Patient/" + idcs() + "\"}"),
				"application/fhir+json"), 404, null, null);
		refused(post(PATH, body("\"status\":\"active\",\"patient\":{\"reference\":\"Patient/12345\"}"),
				"application/fhir+json"), 400, null, null);
	}

	private static void refused(HttpResponse<String> answer, int status, String expression, String diagnostics) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		OperationOutcome outcome = Hospitals.FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.body());
		if (expression != null) {
			assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).contains(expression);
		}
		if (diagnostics != null) {
			assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(diagnostics);
		}
	}

	private HttpResponse<String> post(String path, String body, String type) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(admin.base() + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((Api.ADMINISTRATOR + ":" + Api.ADMINISTRATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
