package ma.amo.security;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An establishment's system can be cut off at once: a disabled client's tokens stop working although the platform
 * remembers them as verified, a rotated secret takes the old one and its tokens with it, and an establishment closed
 * or suspended in the directory gets no token and files nothing from the day it takes effect.
 */
@IntegrationTest
class SystemClientRevocationIntegrationTest {

	@Autowired
	ProviderDirectory directory;

	@Autowired
	PopulationImports imports;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
	}

	String clinic() {
		return directory.register(new ProviderDirectory.NewEstablishment("Clinique Atlas " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Casablanca-Settat", "Casablanca", "Casablanca (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
	}

	JsonNode issue(String inpe) {
		Api.Response issued = admin.post("/api/v1/system-clients", "{\"inpe\":\"" + inpe + "\"}");
		assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
		return issued.body();
	}

	@Test
	void aDisabledClientsTokenIsRefusedAtOnceThoughItWasVerifiedBefore() throws Exception {
		JsonNode issued = issue(clinic());
		String clientId = issued.get("clientId").asText();
		String token = token(clientId, issued.get("clientSecret").asText());
		Api system = admin.withToken(token);
		assertThat(system.get("/api/v1/users/me").status()).isEqualTo(200);

		Api.Response disabled = admin.post("/api/v1/system-clients/" + clientId + "/revocation", "");
		assertThat(disabled.status()).as(disabled.raw()).isEqualTo(200);
		assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
		Api.Response refused = system.get("/api/v1/users/me");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body().get("status").asInt()).isEqualTo(401);
		assertThat(token(clientId, issued.get("clientSecret").asText())).isNull();
		assertThat(admin.post("/api/v1/system-clients/no-such-client/revocation", "").status()).isEqualTo(404);
	}

	@Test
	void aRotatedSecretReplacesTheOldOneAndTheTokensIssuedUnderIt() throws Exception {
		JsonNode issued = issue(clinic());
		String clientId = issued.get("clientId").asText();
		String old = token(clientId, issued.get("clientSecret").asText());
		assertThat(admin.withToken(old).get("/api/v1/users/me").status()).isEqualTo(200);

		Api.Response rotated = admin.post("/api/v1/system-clients/" + clientId + "/rotation", "");
		assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
		String secret = rotated.body().get("clientSecret").asText();
		assertThat(secret).isNotEqualTo(issued.get("clientSecret").asText());
		assertThat(admin.withToken(old).get("/api/v1/users/me").status()).isEqualTo(401);
		assertThat(token(clientId, issued.get("clientSecret").asText())).isNull();
		assertThat(admin.withToken(token(clientId, secret)).get("/api/v1/users/me").status()).isEqualTo(200);
	}

	@Test
	void anEstablishmentsClientsAreListedWithoutTheirSecrets() {
		String inpe = clinic();
		String first = issue(inpe).get("clientId").asText();
		String second = issue(inpe).get("clientId").asText();
		admin.post("/api/v1/system-clients/" + first + "/revocation", "");
		Api.Response listed = admin.get("/api/v1/system-clients?inpe=" + inpe);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body().findValuesAsString("clientId")).containsExactly(first, second);
		assertThat(listed.body().get(0).get("enabled").asBoolean()).isFalse();
		assertThat(listed.body().get(1).get("enabled").asBoolean()).isTrue();
		assertThat(listed.raw()).doesNotContain("ecret");
	}

	@Test
	void aClosedEstablishmentGetsNoTokenAndFilesNothingFromItsClosingDate() throws Exception {
		String inpe = clinic();
		JsonNode issued = issue(inpe);
		String clientId = issued.get("clientId").asText();
		String secret = issued.get("clientSecret").asText();
		Api system = admin.withToken(token(clientId, secret));
		String patient = insured();
		LocalDate today = LocalDate.now(clock);
		// A closing announced for tomorrow leaves today's filing alone.
		assertThat(admin.post("/api/v1/providers/" + inpe + "/statuses", "{\"status\":\"CLOSED\",\"effectiveFrom\":\"%s\",\"reason\":\"Fermeture\"}"
			.formatted(today.plusDays(1))).status()).isEqualTo(204);
		assertThat(file(system, patient, inpe).status()).isEqualTo(201);
		// Closed from today: the token it still holds files nothing, and it gets no new token.
		assertThat(admin.post("/api/v1/providers/" + inpe + "/statuses", "{\"status\":\"CLOSED\",\"effectiveFrom\":\"%s\",\"reason\":\"Fermeture\"}"
			.formatted(today)).status()).isEqualTo(204);
		Api.Response refused = file(system, patient, inpe);
		assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
		assertThat(refused.body().get("detail").asText()).contains("CLOSED");
		assertThat(token(clientId, secret)).isNull();
	}

	@Test
	void aSuspendedEstablishmentGetsNoToken() throws Exception {
		String inpe = clinic();
		JsonNode issued = issue(inpe);
		assertThat(admin.post("/api/v1/providers/" + inpe + "/statuses", "{\"status\":\"SUSPENDED\",\"effectiveFrom\":\"%s\",\"reason\":\"Enquête\"}"
			.formatted(LocalDate.now(clock))).status()).isEqualTo(204);
		assertThat(token(issued.get("clientId").asText(), issued.get("clientSecret").asText())).isNull();
	}

	private String insured() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Alaoui", "Hind", LocalDate.of(1975, 5, 5), 'F'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	private static Api.Response file(Api system, String patient, String inpe) {
		return system.post("/api/v1/claims", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2025-02-03","filedOn":"2025-02-05",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient, inpe),
				"Idempotency-Key", UUID.randomUUID().toString());
	}

	/** The client credentials grant; null when the platform refuses. */
	private String token(String clientId, String secret) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin.base()
				+ "/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=amo")).build(),
				HttpResponse.BodyHandlers.ofString());
		return answer.statusCode() == 200
				? JsonMapper.builder().build().readTree(answer.body()).get("access_token").asText() : null;
	}
}
