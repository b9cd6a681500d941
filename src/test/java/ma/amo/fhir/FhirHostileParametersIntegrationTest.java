package ma.amo.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every search and operation parameter of the FHIR server, given garbage a careless or hostile client could send (too
 * long, control and non-Latin characters, impossible dates, unknown modifiers, absurd counts): each is refused as the
 * client's mistake or answered, never a 500, and a 400 comes with an OperationOutcome naming the parameter.
 */
@IntegrationTest
class FhirHostileParametersIntegrationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** Each search or operation endpoint with the parameters it takes. */
	private static final List<String[]> ENDPOINTS = List.of(
			new String[] {"/fhir/Patient", "identifier"},
			new String[] {"/fhir/Coverage", "beneficiary", "identifier"},
			new String[] {"/fhir/ExplanationOfBenefit", "patient", "provider", "created", "_count", "_offset"},
			new String[] {"/fhir/Location", "organization", "address-city", "_count"},
			new String[] {"/fhir/PractitionerRole", "practitioner", "organization", "_count"},
			new String[] {"/fhir/PaymentReconciliation", "requestor", "created", "_count"},
			new String[] {"/fhir/NamingSystem", "_count"},
			new String[] {"/fhir/CodeSystem", "_count"},
			new String[] {"/fhir/$export", "_type", "_since", "_outputFormat"},
			new String[] {"/fhir/Patient/$export", "_type", "_since", "_outputFormat"},
			new String[] {"/fhir/$export-poll-status", "_jobId"},
			new String[] {"/fhir/$export-file", "_jobId", "_type"});

	private static final List<String> READS = List.of("/fhir/Patient/", "/fhir/ClaimResponse/",
			"/fhir/ExplanationOfBenefit/", "/fhir/Organization/", "/fhir/Practitioner/", "/fhir/PractitionerRole/",
			"/fhir/Location/", "/fhir/PaymentReconciliation/", "/fhir/NamingSystem/", "/fhir/CodeSystem/");

	private static final List<String> VALUES = List.of("9".repeat(2000), "x".repeat(65), "2026-13-45", "ge2026-13-45",
			"ge2026-06-01T25:61:00Z", "zz2026-06-01", "eq", "-1", "0", "99999999999999999999", "2147483648", "1e9", "NaN",
			"Patient/", "Patient/../../etc", "Organization/%00", "|", "||", "a|b|c", "http://x|", "|" + "1".repeat(300),
			"<script>alert(1)</script>", "' or 1=1 --", "\u0000\u0001", "\uD83D\uDCA5\u0645\u0631\u062D", "\t \n",
			",,,", "Patient,Patient", "Group", "*", "$", "%", "\\");

	private static final List<String> MODIFIERS = List.of(":missing", ":exact", ":contains", ":not", ":above",
			":identifier", ":text", ":Patient", ":zz", ".name", ":missing:not");

	@LocalServerPort
	int port;

	@Test
	void noHostileParameterOfAnySearchOrOperationAnswersAServerError() throws Exception {
		List<String> problems = new ArrayList<>();
		for (String[] endpoint : ENDPOINTS) {
			for (int p = 1; p < endpoint.length; p++) {
				for (String value : VALUES) {
					check(endpoint[0] + "?" + endpoint[p] + "=" + encode(value), true, problems);
				}
				for (String modifier : MODIFIERS) {
					check(endpoint[0] + "?" + endpoint[p] + modifier + "=1", false, problems);
				}
				check(endpoint[0] + "?" + endpoint[p] + "=1&" + endpoint[p] + "=2&" + endpoint[p] + "=3", false, problems);
			}
			check(endpoint[0] + "?unknown-parameter=1", false, problems);
			check(endpoint[0] + "?_sort=" + encode("-" + "x".repeat(100)), false, problems);
			check(endpoint[0] + "?" + encode("x".repeat(200)) + "=1", true, problems);
		}
		for (String read : READS) {
			for (String value : VALUES) {
				check(read + encode(value), false, problems);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void anImpossibleDateOfAnExplanationOfBenefitSearchIsRefusedNamingTheParameter() throws Exception {
		HttpResponse<String> answer = get("/fhir/ExplanationOfBenefit?created=2026-13-45");
		assertThat(answer.statusCode()).isEqualTo(400);
		OperationOutcome outcome = Hospitals.FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.body());
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue())
			.containsExactly("ExplanationOfBenefit.created");
	}

	@Test
	void aNegativeOrHugeCountIsRefusedNamingCount() throws Exception {
		for (String count : List.of("-1", "0", "101", "99999999999")) {
			HttpResponse<String> answer = get("/fhir/ExplanationOfBenefit?patient=Patient/100000000000&_count=" + count);
			assertThat(answer.statusCode()).as(count).isEqualTo(400);
			assertThat(answer.body()).as(count).contains("_count");
		}
	}

	/**
	 * A 5xx is a problem; so is, when {@code named}, an OperationOutcome of 400 that does not point at the parameter or
	 * element at fault with an expression. A URL the servlet container or the security firewall rejects before the
	 * FHIR server (an encoded slash or NUL in a path) is answered 400 by them, in their own words.
	 */
	private void check(String path, boolean named, List<String> problems) throws IOException, InterruptedException {
		HttpResponse<String> answer = get(path);
		String shown = path.length() > 120 ? path.substring(0, 120) + "..." : path;
		if (answer.statusCode() >= 500) {
			problems.add(answer.statusCode() + " " + shown);
		}
		else if (answer.statusCode() == 400 && answer.body().contains("\"OperationOutcome\"") && named
				&& !answer.body().contains("\"expression\"")) {
			problems.add("400 without naming what is at fault: " + shown + " " + answer.body());
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((Api.ADMINISTRATOR + ":" + Api.ADMINISTRATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/fhir+json")
			.header("Prefer", "respond-async")
			.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
