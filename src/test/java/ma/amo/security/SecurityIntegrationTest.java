package ma.amo.security;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class SecurityIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void client() {
		admin = new Api(port);
	}

	String insured() {
		return enrol().get("member").get("idcs").asText();
	}

	JsonNode enrol() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Fassi", "Omar", LocalDate.of(1979, 9, 9), 'M'));
		Api.Response enrolled = admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs));
		assertThat(enrolled.status()).isEqualTo(201);
		return enrolled.body();
	}

	String doctor() {
		return directory.register(new ProviderDirectory.NewProfessional("Kettani", "Rim", Profession.GENERAL_PRACTITIONER,
				null, "Casablanca-Settat", "Casablanca", "Casablanca (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
	}

	long claim(Api as, String patient, String executing) {
		Api.Response response = as.post("/api/v1/claims", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2025-02-03","filedOn":"2025-02-05",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient, executing),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		return response.body().get("id").asLong();
	}

	@Test
	void passwordsAreStoredAsSlowHashesAndFiveFailuresLockTheAccountEvenForTheRightPassword() {
		Api member = Users.as(admin, "MEMBER", null, null, insured());
		String username = member.get("/api/v1/users/me").body().get("name").asText();
		assertThat(jdbc.sql("select password_hash from platform_user where username = ?").param(username)
			.query(String.class).single()).startsWith("{bcrypt}$2a$").doesNotContain(Users.PASSWORD);
		Api wrong = admin.as(username, "not-the-password-at-all");
		for (int i = 0; i < 5; i++) {
			assertThat(wrong.get("/api/v1/users/me").status()).isEqualTo(401);
		}
		Api.Response locked = member.get("/api/v1/users/me");
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.body().get("detail").asText()).contains("locked");
	}

	@Test
	void anAgentNeedsTheCodeOfTheirAuthenticatorAsWellAsThePassword() {
		Api.Response created = admin.post("/api/v1/users", """
				{"username":"agent-%s","password":"%s","role":"PAYER_AGENT","payerBody":"CNSS","region":"Oriental"}"""
			.formatted(UUID.randomUUID().toString().substring(0, 8), Users.PASSWORD));
		String username = created.body().get("viewer").get("name").asText();
		String secret = created.body().get("totpSecret").asText();
		assertThat(created.body().get("totpUri").asText()).startsWith("otpauth://totp/AMO:" + username);
		assertThat(admin.as(username, Users.PASSWORD).get("/api/v1/users/me").status()).isEqualTo(401);
		Api.Response wrongCode = admin.as(username, Users.PASSWORD).get("/api/v1/users/me", "X-OTP", "000000");
		assertThat(wrongCode.status()).isEqualTo(401);
		JsonNode me = admin.as(username, Users.PASSWORD, secret).get("/api/v1/users/me").body();
		assertThat(me.get("role").asText()).isEqualTo("PAYER_AGENT");
		assertThat(me.get("payerBody").asText()).isEqualTo("CNSS");
		// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" gives 287082 at 59 s (last six digits).
		assertThat(Totp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Instant.ofEpochSecond(59))).isEqualTo("287082");
	}

	@Test
	void anEstablishmentsSystemGetsATokenBoundToItsInpeAndReadsOnlyItsOwnClaims() throws Exception {
		String clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Anfa " + UUID.randomUUID(),
				"CLINIC", Sector.PRIVATE, "Casablanca-Settat", "Casablanca", "Casablanca (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
		JsonNode issued = admin.post("/api/v1/system-clients", "{\"inpe\":\"" + clinic + "\"}").body();
		String token = token(issued.get("clientId").asText(), issued.get("clientSecret").asText());
		Api system = admin.withToken(token);
		JsonNode me = system.get("/api/v1/users/me").body();
		assertThat(me.get("role").asText()).isEqualTo("PROVIDER");
		assertThat(me.get("inpe").asText()).isEqualTo(clinic);
		assertThat(token(issued.get("clientId").asText(), "a-wrong-secret")).isNull();

		String patient = insured();
		long own = claim(system, patient, clinic);
		long others = claim(admin, patient, doctor());
		assertThat(system.get("/api/v1/claims/" + own).status()).isEqualTo(200);
		assertThat(system.get("/api/v1/claims/" + others).status()).isEqualTo(403);
		assertThat(system.get("/api/v1/claims?patientIdcs=" + patient).body().get("totalElements").asLong()).isEqualTo(1);
		// Nor may it submit another provider's care.
		assertThat(system.post("/api/v1/claims", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"%s","careDate":"2025-02-03","filedOn":"2025-02-05",
				 "executingInpe":"%s","lines":[{"actCode":"C","billed":80}]}""".formatted(patient, doctor()),
				"Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(403);
	}

	@Test
	void aMemberSeesTheirOwnRightsAndClaimsAndNobodyElses() {
		String idcs = insured();
		JsonNode strangerFile = enrol();
		String stranger = strangerFile.get("member").get("idcs").asText();
		Api member = Users.as(admin, "MEMBER", null, null, idcs);
		assertThat(member.get("/api/v1/eligibility?idcs=" + idcs + "&date=2025-03-01").status()).isEqualTo(200);
		assertThat(member.get("/api/v1/eligibility?idcs=" + stranger + "&date=2025-03-01").status()).isEqualTo(403);
		assertThat(member.get("/api/v1/rights-history?idcs=" + stranger).status()).isEqualTo(403);
		String gp = doctor();
		long mine = claim(member, idcs, gp);
		long theirs = claim(admin, stranger, gp);
		assertThat(member.get("/api/v1/claims/" + mine).status()).isEqualTo(200);
		assertThat(member.get("/api/v1/claims/" + theirs).status()).isEqualTo(403);
		String number = strangerFile.get("member").get("registrationNumber").asText();
		assertThat(member.get("/api/v1/members/" + number).status()).isEqualTo(403);
	}

	@Test
	void anAgentReadsTheClaimsOfTheirPayerBodyAndRegionOnly() {
		long claim = claim(admin, insured(), doctor());
		admin.post("/api/v1/claims/" + claim + "/adjudication", "");
		Api cnops = Users.as(admin, "PAYER_AGENT", "CNOPS", null, null);
		Api cnss = Users.as(admin, "PAYER_AGENT", "CNSS", null, null);
		assertThat(cnss.get("/api/v1/claims/" + claim).status()).isEqualTo(200);
		assertThat(cnops.get("/api/v1/claims/" + claim).status()).isEqualTo(403);
		// An agent of a region serves the members of that region: the patient lives in Rabat-Salé-Kénitra.
		Api oriental = Users.as(admin, "PAYER_AGENT", "CNSS", null, null, "Oriental");
		Api rabat = Users.as(admin, "PAYER_AGENT", "CNSS", null, null, "Rabat-Salé-Kénitra");
		assertThat(oriental.get("/api/v1/claims/" + claim).status()).isEqualTo(403);
		assertThat(rabat.get("/api/v1/claims/" + claim).status()).isEqualTo(200);
	}

	@Test
	void oversizedMalformedOrHostileInputIsRefusedAndStoresNothing() {
		long before = jdbc.sql("select count(*) from claim").query(Long.class).single();
		String huge = "{\"kind\":\"MEMBER_REIMBURSEMENT\",\"patientIdcs\":\"" + "9".repeat(1_100_000) + "\"}";
		Api.Response oversized = admin.post("/api/v1/claims", huge, "Idempotency-Key", "k-huge");
		assertThat(oversized.status()).isEqualTo(413);
		assertThat(oversized.body().get("title").asText()).isEqualTo("Request too large");
		Api.Response malformed = admin.post("/api/v1/claims", "{\"kind\": \"MEMBER_REIMBURSEMENT\", \"lines\": [",
				"Idempotency-Key", "k-bad");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.raw()).doesNotContain("at tools.jackson").doesNotContain("Exception");
		Api.Response injected = admin.post("/api/v1/claims", """
				{"kind":"MEMBER_REIMBURSEMENT","patientIdcs":"1'; drop table claim; --","careDate":"2025-02-03",
				 "filedOn":"2025-02-05","executingInpe":"x' or '1'='1","lines":[{"actCode":"C","billed":80}]}""",
				"Idempotency-Key", "k-sql");
		assertThat(injected.status()).isBetween(400, 499);
		assertThat(admin.get("/api/v1/claims/1%20or%201=1").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/persons/' OR '1'='1".replace(" ", "%20").replace("'", "%27")).status()).isBetween(400, 404);
		Api.Response csv = admin.upload("/api/v1/contributions/declaration-imports", "declarations.csv",
				"affiliation_number;month;registration_number;days;gross_salary\n'; delete from declaration; --;x;y;z;w\n");
		assertThat(csv.status()).isBetween(400, 499);
		assertThat(jdbc.sql("select count(*) from claim").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aClientAboveItsRateIsToldToWait() {
		admin.post("/api/v1/users", """
				{"username":"rate-limited-client","password":"%s","role":"REGULATOR"}""".formatted(Users.PASSWORD));
		Api limited = admin.as("rate-limited-client", Users.PASSWORD);
		Api.Response last = null;
		for (int i = 0; i < 10 && (last == null || last.status() != 429); i++) {
			last = limited.get("/api/v1/users/me");
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.body().get("detail").asText()).contains("limited to 3 requests a second");
	}

	@Test
	void answersCarryTheProtectiveHeaders() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(admin.base() + "/api/v1/claims/reason-codes")).header("Authorization", basic(Api.ADMINISTRATOR,
						Api.ADMINISTRATOR_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
			.contains("frame-ancestors 'none'"));
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void aBrowserSessionMustSendItsCsrfTokenToChangeAnything() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String page = browser.send(HttpRequest.newBuilder(URI.create(admin.base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as(page).isTrue();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(admin.base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + Api.ADMINISTRATOR + "&password="
					+ Api.ADMINISTRATOR_PASSWORD + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		// Logged in by the session cookie: reading works, a post without the token is refused.
		assertThat(browser.send(HttpRequest.newBuilder(URI.create(admin.base() + "/api/v1/users/me")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(admin.base()
				+ "/api/v1/parameters/claims.review.sample-percent"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"effectiveFrom\":\"2040-01-01\",\"value\":\"50\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from parameter_value where name = 'claims.review.sample-percent' and effective_from = '2040-01-01'")
			.query(Long.class).single()).isZero();
	}

	/** The client credentials grant; null when the platform refuses. */
	private String token(String clientId, String secret) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(admin.base()
				+ "/oauth2/token"))
			.header("Authorization", basic(clientId, secret))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=amo")).build(),
				HttpResponse.BodyHandlers.ofString());
		return answer.statusCode() == 200
				? JsonMapper.builder().build().readTree(answer.body()).get("access_token").asText() : null;
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}
