package ma.amo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ma.amo.support.Api;
import ma.amo.support.RealTime;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A one-time code opens one login (RFC 6238, section 5.2), over HTTP Basic, in the login form and in the sign-in of
 * scripts; an agent signs in once and works with the session or the token.
 */
@IntegrationTest
class SingleUseCodeIntegrationTest {

	@LocalServerPort
	int port;

	Api admin;
	String username;
	String secret;

	@BeforeEach
	void agent() {
		admin = new Api(port);
		username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = admin.post("/api/v1/users", """
				{"username":"%s","password":"%s","role":"PAYER_AGENT","payerBody":"CNSS"}"""
			.formatted(username, Users.PASSWORD)).body();
		secret = created.get("totpSecret").asText();
	}

	/** The authenticator's code now: authenticators run on real time, not on the business clock. */
	String code() {
		return Totp.code(secret, Instant.now(RealTime.CLOCK));
	}

	@Test
	void aCodeOpensOneCallOverHttpBasicAndIsRefusedTheSecondTime() {
		Api basic = admin.as(username, Users.PASSWORD);
		String code = code();
		assertThat(basic.get("/api/v1/users/me", "X-OTP", code).status()).isEqualTo(200);
		Api.Response replayed = basic.get("/api/v1/users/me", "X-OTP", code);
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.body().get("detail").asText()).contains("already used");
	}

	@Test
	void aCodeOfAnEarlierStepIsRefusedOnceALaterOneWasUsed() {
		Api basic = admin.as(username, Users.PASSWORD);
		Instant now = Instant.now(RealTime.CLOCK);
		// The next step's code is accepted (clocks a little apart); then the current step's, older, is not.
		assertThat(basic.get("/api/v1/users/me", "X-OTP", Totp.code(secret, now.plusSeconds(30))).status()).isEqualTo(200);
		assertThat(basic.get("/api/v1/users/me", "X-OTP", Totp.code(secret, now)).status()).isEqualTo(401);
	}

	@Test
	void aCodeUsedInTheLoginFormOpensNoSecondSession() throws Exception {
		String code = code();
		assertThat(formLogin(code)).doesNotContain("error");
		assertThat(formLogin(code)).contains("error");
	}

	@Test
	void aScriptSignsInOnceAndWorksWithItsBearerToken() {
		String code = code();
		Api.Response signedIn = admin.anonymous().post("/api/v1/sessions", """
				{"username":"%s","password":"%s","code":"%s"}""".formatted(username, Users.PASSWORD, code));
		assertThat(signedIn.status()).as(signedIn.raw()).isEqualTo(201);
		assertThat(signedIn.body().get("tokenType").asText()).isEqualTo("Bearer");
		assertThat(signedIn.body().get("expiresIn").asLong()).isPositive();
		Api script = admin.withToken(signedIn.body().get("accessToken").asText());
		for (int i = 0; i < 3; i++) {
			JsonNode me = script.get("/api/v1/users/me").body();
			assertThat(me.get("name").asText()).isEqualTo(username);
			assertThat(me.get("role").asText()).isEqualTo("PAYER_AGENT");
			assertThat(me.get("payerBody").asText()).isEqualTo("CNSS");
		}
		// The agent's role and scope come with the token: still no access beyond them.
		assertThat(script.get("/api/v1/audit-entries").status()).isEqualTo(403);
		Api.Response again = admin.anonymous().post("/api/v1/sessions", """
				{"username":"%s","password":"%s","code":"%s"}""".formatted(username, Users.PASSWORD, code));
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.body().get("detail").asText()).contains("already used");
		Api.Response noCode = admin.anonymous().post("/api/v1/sessions", """
				{"username":"%s","password":"%s"}""".formatted(username, Users.PASSWORD));
		assertThat(noCode.status()).isEqualTo(401);
		Api.Response noPassword = admin.anonymous().post("/api/v1/sessions", "{\"username\":\"" + username + "\"}");
		assertThat(noPassword.status()).isEqualTo(400);
		assertThat(noPassword.body().get("errors").get(0).get("field").asText()).isEqualTo("password");
		// A person without a second factor signs in with the password alone.
		assertThat(admin.anonymous().post("/api/v1/sessions", """
				{"username":"%s","password":"%s"}""".formatted(Api.ADMINISTRATOR, Api.ADMINISTRATOR_PASSWORD)).status())
			.isEqualTo(201);
	}

	/** The login form with this code; the address the browser is sent to afterwards. */
	private String formLogin(String code) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String page = browser.send(HttpRequest.newBuilder(URI.create(admin.base() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(admin.base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ URLEncoder.encode(Users.PASSWORD, StandardCharsets.UTF_8) + "&otp=" + code + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return login.headers().firstValue("Location").orElse("");
	}
}
