package ma.amo.fhir;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of {@code CoverageEligibilityRequest/$submit} read and written without HAPI's object model, for the requests
 * every hospital system sends: a Parameters of one {@code resource} holding a CoverageEligibilityRequest of
 * {@code id}, {@code identifier}, {@code status}, {@code purpose}, {@code patient} (a {@code Patient/{idcs}}
 * reference), {@code servicedDate} (a full date), {@code created}, {@code provider} and {@code insurer} (references
 * or displays). Each element is checked as strictly as HAPI's strict parser checks it (codes of their value set, dates
 * that exist, strings of text, no duplicate key); anything else, even valid FHIR, is not read here ({@link #read}
 * answers null) and goes to HAPI's full parse, which accepts or refuses it with its OperationOutcome. The answer is
 * written element by element in the order of the R4 definition, byte for byte what HAPI encodes from
 * {@link EligibilityProvider#response} (a test compares the two).
 */
final class CoverageEligibilityJson {

	/** The most a request read here takes; a bigger one goes to HAPI's parse. */
	static final int MOST_BODY = 8 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final Set<String> PARAMETERS = Set.of("resourceType", "parameter");
	private static final Set<String> REQUEST = Set.of("resourceType", "id", "identifier", "status", "purpose", "patient",
			"servicedDate", "created", "provider", "insurer");
	private static final Set<String> STATUS = Set.of("active", "cancelled", "draft", "entered-in-error");
	private static final Set<String> PURPOSE = Set.of("auth-requirements", "benefits", "discovery", "validation");
	private static final Set<String> IDENTIFIER = Set.of("system", "value");
	private static final Set<String> REFERENCE = Set.of("reference", "display");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
	private static final Pattern DATE_TIME = Pattern
		.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
	private static final Pattern PATIENT = Pattern.compile("Patient/([A-Za-z0-9\\-.]{1,64})");
	/** Text FHIR's string type accepts: no control character but tab, line feed and carriage return, not blank. */
	private static final Pattern TEXT = Pattern.compile("[^\\p{Cc}]*\\S[^\\p{Cc}]*");

	/** HAPI writes an instant of second precision with the JVM's zone, as {@code +00:00} rather than {@code Z}. */
	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

	private CoverageEligibilityJson() {
	}

	/**
	 * A request read: the patient's IDCS, the date of care (null for today), the purposes as given (null when none),
	 * the first identifier's system and value (null when none).
	 */
	record Asked(String idcs, LocalDate date, List<String> purposes, String identifierSystem, String identifierValue) {

		boolean hasIdentifier() {
			return identifierSystem != null || identifierValue != null;
		}
	}

	/** The request, or null when it is not of the shape read here (HAPI's parse then decides). */
	static Asked read(byte[] body) {
		JsonNode parameters;
		try {
			parameters = JSON.readTree(body);
		}
		catch (JacksonException e) {
			return null;
		}
		if (!only(parameters, PARAMETERS) || !"Parameters".equals(text(parameters.get("resourceType")))) {
			return null;
		}
		JsonNode list = parameters.get("parameter");
		if (list == null || !list.isArray() || list.size() != 1) {
			return null;
		}
		JsonNode parameter = list.get(0);
		if (!only(parameter, Set.of("name", "resource")) || !"resource".equals(text(parameter.get("name")))) {
			return null;
		}
		return request(parameter.get("resource"));
	}

	private static Asked request(JsonNode request) {
		if (!only(request, REQUEST) || !"CoverageEligibilityRequest".equals(text(request.get("resourceType")))) {
			return null;
		}
		if (request.has("id") && !matches(request.get("id"), ID)) {
			return null;
		}
		if (!STATUS.contains(text(request.get("status")))) {
			return null;
		}
		List<String> purposes = null;
		if (request.has("purpose")) {
			JsonNode purpose = request.get("purpose");
			if (!purpose.isArray() || purpose.isEmpty()) {
				return null;
			}
			purposes = new ArrayList<>();
			for (JsonNode code : purpose) {
				if (!PURPOSE.contains(text(code))) {
					return null;
				}
				purposes.add(code.stringValue());
			}
		}
		JsonNode patient = request.get("patient");
		if (!only(patient, Set.of("reference")) || text(patient.get("reference")) == null) {
			return null;
		}
		var idcs = PATIENT.matcher(patient.get("reference").stringValue());
		if (!idcs.matches()) {
			return null;
		}
		LocalDate date = null;
		if (request.has("servicedDate")) {
			date = date(request.get("servicedDate"));
			if (date == null) {
				return null;
			}
		}
		if (request.has("created") && !dateTime(request.get("created"))) {
			return null;
		}
		if (!reference(request, "provider") || !reference(request, "insurer")) {
			return null;
		}
		String system = null;
		String value = null;
		if (request.has("identifier")) {
			JsonNode identifiers = request.get("identifier");
			if (!identifiers.isArray() || identifiers.isEmpty()) {
				return null;
			}
			for (JsonNode identifier : identifiers) {
				if (!only(identifier, IDENTIFIER) || identifier.isEmpty()) {
					return null;
				}
				for (Map.Entry<String, JsonNode> element : identifier.properties()) {
					if (text(element.getValue()) == null) {
						return null;
					}
				}
			}
			system = text(identifiers.get(0).get("system"));
			value = text(identifiers.get(0).get("value"));
		}
		return new Asked(idcs.group(1), date, purposes, system, value);
	}

	/** Absent, or an object of reference and/or display, both text. */
	private static boolean reference(JsonNode request, String name) {
		if (!request.has(name)) {
			return true;
		}
		JsonNode reference = request.get(name);
		if (!only(reference, REFERENCE) || reference.isEmpty()) {
			return false;
		}
		for (Map.Entry<String, JsonNode> element : reference.properties()) {
			if (text(element.getValue()) == null) {
				return false;
			}
		}
		return true;
	}

	private static LocalDate date(JsonNode node) {
		if (!matches(node, DATE)) {
			return null;
		}
		try {
			return LocalDate.parse(node.stringValue());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static boolean dateTime(JsonNode node) {
		if (date(node) != null) {
			return true;
		}
		if (!matches(node, DATE_TIME)) {
			return false;
		}
		try {
			OffsetDateTime.parse(node.stringValue());
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	/** An object whose keys are all among {@code allowed}. */
	private static boolean only(JsonNode node, Set<String> allowed) {
		if (node == null || !node.isObject()) {
			return false;
		}
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				return false;
			}
		}
		return true;
	}

	private static boolean matches(JsonNode node, Pattern pattern) {
		String text = text(node);
		return text != null && pattern.matcher(text).matches();
	}

	/** The node's text if it is a JSON string of text, else null. */
	private static String text(JsonNode node) {
		return node != null && node.isString() && TEXT.matcher(node.stringValue()).matches() ? node.stringValue() : null;
	}

	/** The CoverageEligibilityResponse of {@link EligibilityProvider#response}, encoded as HAPI encodes it. */
	static byte[] response(Asked asked, Rights rights, Instant now) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
		try (JsonGenerator out = JSON.createGenerator(bytes)) {
			out.writeStartObject();
			out.writeStringProperty("resourceType", "CoverageEligibilityResponse");
			out.writeStringProperty("status", "active");
			out.writeName("purpose");
			out.writeStartArray();
			for (String purpose : asked.purposes() == null ? List.of("validation") : asked.purposes()) {
				out.writeString(purpose);
			}
			out.writeEndArray();
			out.writeName("patient");
			out.writeStartObject();
			out.writeStringProperty("reference", "Patient/" + rights.idcs());
			out.writeEndObject();
			out.writeStringProperty("servicedDate", rights.date().toString());
			out.writeStringProperty("created", CREATED.format(now.atZone(ZoneId.systemDefault())));
			out.writeName("request");
			out.writeStartObject();
			if (asked.hasIdentifier()) {
				out.writeName("identifier");
				out.writeStartObject();
				optional(out, "system", asked.identifierSystem());
				optional(out, "value", asked.identifierValue());
				out.writeEndObject();
			}
			else {
				out.writeStringProperty("display", "CoverageEligibilityRequest du " + rights.date());
			}
			out.writeEndObject();
			out.writeStringProperty("outcome", "complete");
			out.writeStringProperty("disposition", "Droits " + rights.status().french() + " : " + rights.reason());
			out.writeName("insurer");
			out.writeStartObject();
			out.writeStringProperty("display", Cover.insurer(rights).getDisplay());
			out.writeEndObject();
			insurance(out, rights);
			out.writeEndObject();
		}
		return bytes.toByteArray();
	}

	private static void insurance(JsonGenerator out, Rights rights) {
		out.writeName("insurance");
		out.writeStartArray();
		out.writeStartObject();
		out.writeName("coverage");
		out.writeStartObject();
		if (Cover.exists(rights)) {
			out.writeStringProperty("reference", "Coverage/" + rights.idcs());
		}
		else {
			out.writeStringProperty("display", "aucune couverture AMO");
		}
		out.writeEndObject();
		out.writeBooleanProperty("inforce", rights.status() == RightsStatus.OPEN);
		if (rights.coveredSince() != null) {
			out.writeName("benefitPeriod");
			out.writeStartObject();
			out.writeStringProperty("start", rights.coveredSince().toString());
			if (rights.coverEnd() != null) {
				out.writeStringProperty("end", rights.coverEnd().toString());
			}
			out.writeEndObject();
		}
		out.writeName("item");
		out.writeStartArray();
		out.writeStartObject();
		out.writeName("category");
		out.writeStartObject();
		out.writeName("coding");
		out.writeStartArray();
		out.writeStartObject();
		var status = Cover.status(rights.status());
		out.writeStringProperty("system", status.getSystem());
		out.writeStringProperty("code", status.getCode());
		out.writeStringProperty("display", status.getDisplay());
		out.writeEndObject();
		out.writeEndArray();
		out.writeEndObject();
		// The R4 order of an item's elements: excluded comes before name and description.
		out.writeBooleanProperty("excluded", rights.status() != RightsStatus.OPEN);
		optional(out, "name", rights.rule());
		optional(out, "description", rights.reason());
		out.writeEndObject();
		out.writeEndArray();
		out.writeEndObject();
		out.writeEndArray();
	}

	private static void optional(JsonGenerator out, String name, String value) {
		if (value != null && !value.isEmpty()) {
			out.writeStringProperty(name, value);
		}
	}
}
