package ma.amo.fhir;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ma.amo.audit.AuditSearch;
import ma.amo.audit.AuditTrail;
import ma.amo.population.PopulationImports;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hospital system keeps its list of beneficiaries in step through FHIR Bulk Data: it kicks off an export, polls the
 * status URL, reads the manifest and downloads NDJSON files of Patient and Coverage, all of them or the changes since
 * its last export; another account cannot see its job, and the export is audited as one entry per file.
 */
@IntegrationTest
class FhirBulkExportIntegrationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api admin;
	String hospital;
	String clientId;

	@BeforeEach
	void hospitalSystem() {
		admin = new Api(port);
		String inpe = Hospitals.hospital(admin, directory).inpe();
		Api.Response issued = admin.post("/api/v1/system-clients", "{\"inpe\":\"" + inpe + "\"}");
		clientId = issued.body().get("clientId").asText();
		hospital = Hospitals.token(admin.base(), clientId, issued.body().get("clientSecret").asText());
	}

	String member(String lastName) {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), lastName, "Omar", LocalDate.of(1980, 2, 2), 'M'));
		assertThat(admin.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	@Test
	void aHospitalSystemExportsPatientsAndCoveragesAsValidNdjsonThroughTheManifest() {
		String idcs = member("Alaoui");
		HttpResponse<String> kickOff = send(hospital, "GET", "/fhir/$export", "Prefer", "respond-async");
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		assertThat(status).contains("/fhir/$export-poll-status?_jobId=");

		HttpResponse<String> polled = send(hospital, "GET", status);
		assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
		JsonNode manifest = JSON.readTree(polled.body());
		assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
		assertThat(manifest.get("transactionTime").asText()).isNotBlank();
		assertThat(manifest.get("request").asText()).endsWith("/fhir/$export?_type=Patient,Coverage");
		assertThat(manifest.get("error")).isEmpty();
		assertThat(manifest.get("output")).extracting(o -> o.get("type").asText()).containsExactly("Patient", "Coverage");

		List<Resource> patients = ndjson(manifest.get("output").get(0).get("url").asText());
		Patient patient = (Patient) patients.stream().filter(p -> p.getIdPart().equals(idcs)).findFirst().orElseThrow();
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Alaoui");
		Conformance.valid(patient);
		assertThat(patients).allMatch(Patient.class::isInstance);

		List<Resource> coverages = ndjson(manifest.get("output").get(1).get("url").asText());
		Coverage coverage = (Coverage) coverages.stream().filter(c -> c.getIdPart().equals(idcs)).findFirst().orElseThrow();
		assertThat(coverage.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);
		assertThat(coverage.getBeneficiary().getReference()).isEqualTo("Patient/" + idcs);
		Conformance.valid(coverage);

		assertThat(audit.search(new AuditSearch(clientId, "PATIENT_EXPORT", null, BulkExports.PURPOSE, null, null), 0, 10)
			.content()).singleElement().satisfies(e -> assertThat(e.recordId()).endsWith(": " + patients.size() + " records"));
		assertThat(audit.search(new AuditSearch(clientId, "PERSON", idcs, null, null, null), 0, 10).content()).isEmpty();
	}

	@Test
	void sinceSendsOnlyThePeopleAndCoversChangedAfterTheInstant() {
		String before = member("Avant");
		String status = send(hospital, "GET", "/fhir/$export?_type=Patient", "Prefer", "respond-async").headers()
			.firstValue("Content-Location").orElseThrow();
		String since = JSON.readTree(send(hospital, "GET", status).body()).get("transactionTime").asText();
		String after = member("Apres");

		HttpResponse<String> kickOff = send(hospital, "GET", "/fhir/$export?_since="
				+ URLEncoder.encode(since, StandardCharsets.UTF_8), "Prefer", "respond-async");
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		JsonNode manifest = JSON.readTree(send(hospital, "GET", kickOff.headers().firstValue("Content-Location")
			.orElseThrow()).body());
		List<String> patients = ids(ndjson(manifest.get("output").get(0).get("url").asText()));
		List<String> coverages = ids(ndjson(manifest.get("output").get(1).get("url").asText()));
		assertThat(patients).contains(after).doesNotContain(before);
		assertThat(coverages).contains(after).doesNotContain(before);
	}

	@Test
	void aKickOffWithoutPreferOrWithAnUnsupportedTypeOrABadSinceIsRefusedNamingTheParameter() {
		assertRefused(send(hospital, "GET", "/fhir/$export"), "Prefer");
		assertRefused(send(hospital, "GET", "/fhir/$export?_type=Claim", "Prefer", "respond-async"), "_type");
		assertRefused(send(hospital, "GET", "/fhir/$export?_type=Patient,Patient", "Prefer", "respond-async"), "_type");
		assertRefused(send(hospital, "GET", "/fhir/$export?_since=yesterday", "Prefer", "respond-async"), "_since");
		assertRefused(send(hospital, "GET", "/fhir/$export?_since=2999-01-01T00:00:00Z", "Prefer", "respond-async"), "_since");
		assertRefused(send(hospital, "GET", "/fhir/$export?_since=1900-01-01T00:00:00Z", "Prefer", "respond-async"), "_since");
		assertRefused(send(hospital, "GET", "/fhir/$export?_outputFormat=text/csv", "Prefer", "respond-async"), "_outputFormat");
		assertRefused(send(hospital, "GET", "/fhir/$export?_typeFilter=Patient%3Fgender%3Dfemale", "Prefer", "respond-async"), "_typeFilter");
		assertRefused(send(hospital, "GET", "/fhir/$export-poll-status?_jobId=%27%3B%00", "Prefer", "respond-async"), "_jobId");
	}

	@Test
	void anotherAccountCannotPollOrDownloadTheJobAndAnonymousCallersAreRefused() {
		String status = send(hospital, "GET", "/fhir/$export", "Prefer", "respond-async").headers()
			.firstValue("Content-Location").orElseThrow();
		String file = JSON.readTree(send(hospital, "GET", status).body()).get("output").get(0).get("url").asText();
		String other = tokenOfAnotherHospital();
		assertThat(send(other, "GET", status).statusCode()).isEqualTo(404);
		assertThat(send(other, "GET", file).statusCode()).isEqualTo(404);
		assertThat(send(other, "DELETE", status).statusCode()).isEqualTo(404);
		assertThat(send(null, "GET", "/fhir/$export", "Prefer", "respond-async").statusCode()).isEqualTo(401);
		assertThat(send(null, "GET", status).statusCode()).isEqualTo(401);
		assertThat(send(hospital, "GET", status).statusCode()).isEqualTo(200);
	}

	@Test
	void aCancelledExportAnswersNotFoundForItsStatusAndFiles() {
		String status = send(hospital, "GET", "/fhir/$export", "Prefer", "respond-async").headers()
			.firstValue("Content-Location").orElseThrow();
		String file = JSON.readTree(send(hospital, "GET", status).body()).get("output").get(1).get("url").asText();
		assertThat(send(hospital, "DELETE", status).statusCode()).isEqualTo(202);
		HttpResponse<String> polled = send(hospital, "GET", status);
		assertThat(polled.statusCode()).isEqualTo(404);
		assertThat(polled.body()).contains("OperationOutcome");
		assertThat(send(hospital, "GET", file).statusCode()).isEqualTo(404);
		assertThat(send(hospital, "DELETE", status).statusCode()).isEqualTo(404);
	}

	@Test
	void aPatientLevelExportGivesTheSamePatientAndCoverageFilesAsTheSystemLevelOne() {
		String idcs = member("Bennani");
		HttpResponse<String> kickOff = send(hospital, "GET", "/fhir/Patient/$export?_type=Coverage", "Prefer",
				"respond-async");
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		JsonNode manifest = JSON.readTree(send(hospital, "GET", kickOff.headers().firstValue("Content-Location")
			.orElseThrow()).body());
		assertThat(manifest.get("request").asText()).endsWith("/fhir/Patient/$export?_type=Coverage");
		assertThat(manifest.get("output")).extracting(o -> o.get("type").asText()).containsExactly("Coverage");
		assertThat(ids(ndjson(manifest.get("output").get(0).get("url").asText()))).contains(idcs);
	}

	@Test
	void aPostedKickOffReadsItsParametersFromTheBodyAndCanBeCancelled() {
		String before = member("Avant");
		String since = JSON.readTree(send(hospital, "GET", send(hospital, "GET", "/fhir/$export?_type=Patient",
				"Prefer", "respond-async").headers().firstValue("Content-Location").orElseThrow()).body())
			.get("transactionTime").asText();
		String after = member("Apres");
		HttpResponse<String> kickOff = post("/fhir/Patient/$export", """
				{"resourceType":"Parameters","parameter":[{"name":"_type","valueString":"Patient"},
				 {"name":"_since","valueInstant":"%s"},{"name":"_outputFormat","valueString":"application/fhir+ndjson"}]}"""
			.formatted(since));
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		JsonNode manifest = JSON.readTree(send(hospital, "GET", status).body());
		assertThat(manifest.get("output")).extracting(o -> o.get("type").asText()).containsExactly("Patient");
		assertThat(ids(ndjson(manifest.get("output").get(0).get("url").asText()))).contains(after).doesNotContain(before);

		assertThat(send(hospital, "DELETE", status).statusCode()).isEqualTo(202);
		assertThat(send(hospital, "GET", status).statusCode()).isEqualTo(404);
	}

	@Test
	void aPostedKickOffWithABadBodyOrParameterIsRefusedNamingIt() {
		assertRefused(post("/fhir/$export", """
				{"resourceType":"Parameters","parameter":[{"name":"_type","valueString":"Claim"}]}"""), "_type");
		assertRefused(post("/fhir/Patient/$export", """
				{"resourceType":"Parameters","parameter":[{"name":"patient","valueString":"Patient/1"}]}"""),
				"Parameters.parameter[0]");
		assertRefused(post("/fhir/$export", """
				{"resourceType":"Parameters","parameter":[{"name":"_since","valueInstant":"2026-06-01T00:00:00Z"},
				 {"name":"_since","valueInstant":"2026-06-02T00:00:00Z"}]}"""), "_since");
		HttpResponse<String> notParameters = post("/fhir/$export", "{\"resourceType\":\"Patient\"}");
		assertThat(notParameters.statusCode()).as(notParameters.body()).isEqualTo(400);
	}

	@Test
	void aPatientLevelExportLimitedToSomePatientsHoldsThemAndTheirCoverageOnly() {
		String first = member("Premier");
		String second = member("Second");
		String other = member("Autre");
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("_type").setValue(new StringType("Patient,Coverage"));
		parameters.addParameter().setName("patient").setValue(new Reference("Patient/" + first));
		parameters.addParameter().setName("patient").setValue(new Reference("Patient/" + second));
		MethodOutcome kickOff = client().operation().onType(Patient.class).named("$export").withParameters(parameters)
			.withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
		assertThat(kickOff.getResponseStatusCode()).isEqualTo(202);
		String status = kickOff.getResponseHeaders().get("content-location").get(0);
		JsonNode manifest = JSON.readTree(send(hospital, "GET", status).body());
		List<Resource> patients = ndjson(manifest.get("output").get(0).get("url").asText());
		assertThat(ids(patients)).containsExactly(first, second);
		patients.forEach(Conformance::valid);
		List<Resource> coverages = ndjson(manifest.get("output").get(1).get("url").asText());
		assertThat(coverages).extracting(c -> ((Coverage) c).getBeneficiary().getReference())
			.containsExactly("Patient/" + first, "Patient/" + second).doesNotContain("Patient/" + other);
	}

	@Test
	void aPatientListWithAnUnknownOrMalformedPatientIsRefusedNamingTheParameterAndStartsNothing() {
		String known = member("Connu");
		String unknown = idcs();
		long jobs = jdbc.sql("select count(*) from bulk_export").query(Long.class).single();
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("patient").setValue(new Reference("Patient/" + known));
		parameters.addParameter().setName("patient").setValue(new Reference("Patient/" + unknown));
		InvalidRequestException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
				InvalidRequestException.class, () -> client().operation().onType(Patient.class).named("$export")
					.withParameters(parameters).withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome()
					.execute());
		assertThat(refused).isNotNull();
		OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("patient");
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Patient/" + unknown).doesNotContain(known);

		String one = "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/%s\"}}";
		assertRefused(post("/fhir/$export", "{\"resourceType\":\"Parameters\",\"parameter\":[" + one.formatted(known)
				+ "]}"), "patient");
		assertRefused(post("/fhir/Patient/$export", "{\"resourceType\":\"Parameters\",\"parameter\":["
				+ one.formatted(known) + "," + one.formatted(known) + "]}"), "patient");
		assertRefused(post("/fhir/Patient/$export", """
				{"resourceType":"Parameters","parameter":[{"name":"patient","valueReference":{"reference":"Organization/1"}}]}"""),
				"patient");
		assertRefused(post("/fhir/Patient/$export", "{\"resourceType\":\"Parameters\",\"parameter\":["
				+ one.formatted("1234567890") + "]}"), "patient");
		assertRefused(post("/fhir/Patient/$export", "{\"resourceType\":\"Parameters\",\"parameter\":["
				+ String.join(",", java.util.Collections.nCopies(BulkExportRequest.MOST_PATIENTS + 1, one.formatted(known)))
				+ "]}"), "patient");
		assertRefused(send(hospital, "GET", "/fhir/Patient/$export?patient=Patient/" + known, "Prefer", "respond-async"),
				"patient");
		assertThat(jdbc.sql("select count(*) from bulk_export").query(Long.class).single()).isEqualTo(jobs);
	}

	private IGenericClient client() {
		return Hospitals.withToken(admin.base(), hospital);
	}

	private HttpResponse<String> post(String path, String parameters) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(admin.base() + path))
			.header("Authorization", "Bearer " + hospital).header("Prefer", "respond-async")
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(parameters)).build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private String tokenOfAnotherHospital() {
		String inpe = Hospitals.hospital(admin, directory).inpe();
		Api.Response issued = admin.post("/api/v1/system-clients", "{\"inpe\":\"" + inpe + "\"}");
		return Hospitals.token(admin.base(), issued.body().get("clientId").asText(),
				issued.body().get("clientSecret").asText());
	}

	private static void assertRefused(HttpResponse<String> answer, String parameter) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		JsonNode outcome = JSON.readTree(answer.body());
		assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
		assertThat(outcome.get("issue").get(0).get("expression").get(0).asText()).isEqualTo(parameter);
	}

	private List<Resource> ndjson(String url) {
		HttpResponse<String> file = send(hospital, "GET", url);
		assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith(BulkExportProvider.NDJSON);
		List<Resource> resources = new ArrayList<>();
		for (String line : file.body().split("\n")) {
			if (!line.isEmpty()) {
				resources.add((Resource) Hospitals.FHIR.newJsonParser().parseResource(line));
			}
		}
		return resources;
	}

	private static List<String> ids(List<Resource> resources) {
		return resources.stream().map(Resource::getIdPart).toList();
	}

	private HttpResponse<String> send(String token, String method, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : admin.base() + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
