package ma.amo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ApiDocumentationIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void theOpenApiDescriptionListsTheRegisterEnrolmentAndEligibilityEndpoints() {
		Api.Response docs = new Api(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").propertyNames()).contains("/api/v1/eligibility", "/api/v1/persons",
				"/api/v1/import-jobs", "/api/v1/import-jobs/{id}", "/api/v1/enrolments",
				"/api/v1/members/{registrationNumber}/dependants", "/api/v1/tadamon/registrations",
				"/api/v1/achamil/registrations", "/api/v1/parameters/{name}");
	}

	@Test
	void claimLinesAreDescribedWithTheirOutcomeAndTheStatusesOfTheOperationsAreTheRealOnes() {
		JsonNode docs = new Api(port).get("/v3/api-docs").body();
		JsonNode schemas = docs.get("components").get("schemas");
		assertThat(schemas.get("ClaimLine").get("properties").propertyNames()).contains("line", "outcome", "base",
				"ratePercent", "covered", "patientShare", "stateShare", "reasons");
		assertThat(schemas.get("ClaimRequestLine").get("properties").propertyNames()).doesNotContain("outcome");
		assertThat(schemas.get("RegistrationDecision").get("properties").propertyNames()).contains("outcome", "reason");
		JsonNode submit = docs.get("paths").get("/api/v1/claims").get("post").get("responses");
		assertThat(submit.propertyNames()).contains("200", "201", "400", "401", "403", "409");
		assertThat(docs.get("paths").get("/api/v1/payment-batches").get("post").get("responses").propertyNames())
			.contains("201", "200", "409");
		// Ending a regime period by REGIME_CHANGE is refused (enrolling in the new regime does it): not offered.
		assertThat(schemas.get("EndOfPeriod").get("properties").get("reason").get("enum").valueStream()
			.map(JsonNode::asText)).containsExactly("CONDITIONS_ENDED", "DEATH");
	}

	@Test
	void swaggerUiServesThePageForPeople() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	@Test
	void parametersCanBeReadOnADateAndAValueWithAWrongTypeIsRefused() {
		Api api = new Api(port);
		assertThat(api.get("/api/v1/parameters/rights.child.age-limit?date=2025-01-01").body().get("valueOnDate").asText())
			.isEqualTo("21");
		Api.Response wrong = api.post("/api/v1/parameters/rights.child.age-limit",
				"{\"effectiveFrom\":\"2030-01-01\",\"value\":\"twenty\"}");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body().get("errors").get(0).get("field").asText()).isEqualTo("value");
		assertThat(api.get("/api/v1/parameters/no.such").status()).isEqualTo(404);
	}
}
