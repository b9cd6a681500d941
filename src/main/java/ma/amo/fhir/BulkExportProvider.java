package ma.amo.fhir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data Access v2.0 (https://hl7.org/fhir/uv/bulkdata/) for the beneficiary feed: the kick-off at system
 * level {@code /fhir/$export} or patient level {@code /fhir/Patient/$export}, by {@code GET} with URL parameters or
 * {@code POST} with a Parameters resource, the status {@code GET|DELETE /fhir/$export-poll-status?_jobId=} and the files
 * {@code GET /fhir/$export-file?_jobId=&_type=}. A Patient-level {@code POST} may name {@code patient} references: the
 * files then hold those patients and their Coverage only. HAPI operations with manual responses: the answers are the
 * specification's (202 with Content-Location, a JSON manifest, NDJSON), not FHIR resources.
 */
@Component
class BulkExportProvider {

	static final String NDJSON = "application/fhir+ndjson";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BulkExports exports;
	private final FhirContext fhir;

	BulkExportProvider(BulkExports exports, FhirContext fhir) {
		this.exports = exports;
		this.fhir = fhir;
	}

	/** System-level kick-off ({@code GET} with URL parameters or {@code POST} with a Parameters body). */
	@Operation(name = "$export", idempotent = true, manualResponse = true)
	public void kickOff(RequestDetails details, HttpServletRequest request, HttpServletResponse response) {
		kickOff("/$export", details, request, response);
	}

	/**
	 * Patient-level kick-off: the resources of every patient's compartment, which for the beneficiary feed are the
	 * same Patient and Coverage files as the system-level export; a client written for either level is served.
	 */
	@Operation(name = "$export", typeName = "Patient", idempotent = true, manualResponse = true)
	public void patientKickOff(RequestDetails details, HttpServletRequest request, HttpServletResponse response) {
		kickOff("/Patient/$export", details, request, response);
	}

	/** Checks the request, records the job, answers 202 with the status URL. */
	private void kickOff(String operation, RequestDetails details, HttpServletRequest request,
			HttpServletResponse response) {
		namedByParameter(details);
		if (request.getParameterMap().containsKey(BulkExportRequest.PATIENT)) {
			throw new InvalidInput(BulkExportRequest.PATIENT, "post",
					"patient is given in the Parameters body of a POST kick-off, as valueReference Patient/{idcs}");
		}
		Map<String, String[]> parameters = "POST".equals(request.getMethod())
				? BulkExportRequest.posted(fhir, details, request.getParameterMap()) : request.getParameterMap();
		BulkExportRequest asked = BulkExportRequest.of(request.getHeader("Prefer"), parameters, exports.now(),
				operation.startsWith("/Patient/"));
		exports.checkPatients(asked.patients());
		String base = details.getFhirServerBase();
		StringBuilder url = new StringBuilder(base).append(operation).append("?_type=")
			.append(String.join(",", asked.types()));
		if (asked.since() != null) {
			url.append("&_since=").append(asked.since());
		}
		BulkExportJob job = exports.start(Viewer.actingAccount(), asked, exports.transactionTime(), url.toString());
		response.setStatus(HttpServletResponse.SC_ACCEPTED);
		response.setHeader("Content-Location", base + "/$export-poll-status?_jobId=" + job.id());
	}

	/**
	 * Status: the files are streamed when downloaded, so a job is complete as soon as it exists and the manifest comes
	 * at once; DELETE cancels the job.
	 */
	@Operation(name = "$export-poll-status", idempotent = true, deleteEnabled = true, manualResponse = true)
	public void status(RequestDetails details, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		namedByParameter(details);
		UUID id = jobId(request);
		if ("DELETE".equals(request.getMethod())) {
			exports.cancel(id, Viewer.actingAccount());
			response.setStatus(HttpServletResponse.SC_ACCEPTED);
			return;
		}
		BulkExportJob job = exports.job(id, Viewer.actingAccount());
		String base = details.getFhirServerBase();
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("transactionTime", job.transactionTime().toString());
		manifest.put("request", job.request());
		manifest.put("requiresAccessToken", true);
		manifest.put("output", job.types().stream().map(type -> {
			Map<String, String> file = new LinkedHashMap<>();
			file.put("type", type);
			file.put("url", base + "/$export-file?_jobId=" + job.id() + "&_type=" + type);
			return file;
		}).toList());
		manifest.put("error", List.of());
		response.setStatus(HttpServletResponse.SC_OK);
		response.setHeader("Expires", DateTimeFormatter.RFC_1123_DATE_TIME
			.format(job.transactionTime().plus(BulkExports.KEPT).atOffset(ZoneOffset.UTC)));
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(manifest));
	}

	/** A file of the manifest: the job's resources of one type, streamed as NDJSON from the database. */
	@Operation(name = "$export-file", idempotent = true, manualResponse = true)
	public void file(RequestDetails details, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		namedByParameter(details);
		BulkExportJob job = exports.job(jobId(request), Viewer.actingAccount());
		String type = request.getParameter("_type");
		if (type == null || !job.types().contains(type)) {
			throw new NotFound("_type", "this export has a file for " + String.join(" and ", job.types()) + " only");
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(NDJSON);
		response.setCharacterEncoding("UTF-8");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		exports.write(job, type, out);
	}

	/**
	 * These operations take no resource: a refusal's expression names the HTTP parameter or header at fault
	 * ({@code _since}, {@code Prefer}), which is all there is to point at.
	 */
	private static void namedByParameter(RequestDetails details) {
		details.getUserData().put(Refusals.PATHS, (UnaryOperator<String>) field -> field);
	}

	private static UUID jobId(HttpServletRequest request) {
		String value = request.getParameter("_jobId");
		return BulkExports.id(value).orElseThrow(() -> new InvalidInput("_jobId", "format",
				"the job id of the status URL, a UUID" + (value == null ? "" : ", not '"
						+ URLEncoder.encode(value.length() > 40 ? value.substring(0, 40) : value, StandardCharsets.UTF_8) + "'")));
	}
}
