package ma.amo.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ma.amo.shared.InvalidInput;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;

/**
 * The parameters of a kick-off of FHIR Bulk Data {@code $export}, checked before anything is stored: the resource
 * types (Patient and Coverage, the beneficiary feed), {@code _since}, the output format, the {@code patient}
 * references a Patient-level {@code POST} may limit the export to, and the {@code Prefer: respond-async} header the
 * specification requires. Any other parameter is refused rather than ignored: a client asking for {@code _typeFilter}
 * must not believe it got a filtered export. {@code patients} are IDCS, empty for everyone.
 */
record BulkExportRequest(List<String> types, Instant since, List<String> patients) {

	static final List<String> TYPES = List.of("Patient", "Coverage");

	/** The spelling of the specification and the two abbreviations it tells servers to accept. */
	private static final Set<String> NDJSON = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");

	private static final Set<String> PARAMETERS = Set.of("_type", "_since", "_outputFormat", "patient");

	static final String PATIENT = "patient";

	/**
	 * The most patients one kick-off names: a hospital's list of the day's admissions, not its whole file (that is an
	 * export without {@code patient}, then {@code _since}); each is looked up before the job starts.
	 */
	static final int MOST_PATIENTS = 1_000;

	/** The id of {@code Patient/{id}}: an IDCS, whose check digit the register checks next. */
	private static final java.util.regex.Pattern PATIENT_REFERENCE = java.util.regex.Pattern.compile("Patient/([0-9A-Za-z-]{1,64})");

	/** A kick-off's Parameters: three values and at most {@link #MOST_PATIENTS} references, about 80 bytes each. */
	private static final int MOST_BODY = 128 * 1024;

	/** No record of the platform predates AMO's start: an older _since is a mistake, not a wish for everything. */
	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/**
	 * The request of a kick-off; {@code patientLevel} for {@code /Patient/$export}, the only level the specification
	 * gives {@code patient} a meaning at.
	 */
	static BulkExportRequest of(String prefer, Map<String, String[]> parameters, Instant now, boolean patientLevel) {
		if (prefer == null || prefer.length() > 200 || !List.of(prefer.toLowerCase().split("\\s*[,;]\\s*"))
			.contains("respond-async")) {
			throw new InvalidInput("Prefer", "respond-async",
					"an export is asynchronous: send the header Prefer: respond-async");
		}
		for (String name : parameters.keySet()) {
			if (!PARAMETERS.contains(name)) {
				throw new InvalidInput(name.length() > 40 ? "parameter" : name, "unsupported",
						"this export takes _type, _since, _outputFormat and, at Patient level, patient only");
			}
		}
		String[] patients = parameters.getOrDefault(PATIENT, new String[0]);
		if (patients.length > 0 && !patientLevel) {
			throw new InvalidInput(PATIENT, "level", "patient limits a Patient-level export: POST it to "
					+ "[base]/Patient/$export");
		}
		String format = single(parameters, "_outputFormat");
		if (format != null && !NDJSON.contains(format)) {
			throw new InvalidInput("_outputFormat", "ndjson", "the only output format is application/fhir+ndjson");
		}
		return new BulkExportRequest(types(single(parameters, "_type")), since(single(parameters, "_since"), now),
				patients(patients));
	}

	/**
	 * The parameters of a {@code POST} kick-off: a Parameters resource (JSON or XML) of primitive values, and of
	 * {@code valueReference} for {@code patient}, read as strictly as any resource received, beside the URL's; an
	 * empty body asks for everything. A parameter given both ways counts twice and is refused like a repeated one. A
	 * {@code patient} reference is kept as its {@code reference} text, checked by {@link #of}.
	 */
	static Map<String, String[]> posted(FhirContext fhir, RequestDetails details, Map<String, String[]> query) {
		byte[] body = details.loadRequestContents();
		Map<String, List<String>> values = new LinkedHashMap<>();
		query.forEach((name, given) -> values.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(given)));
		if (body != null && body.length > 0) {
			if (body.length > MOST_BODY) {
				throw new InvalidInput("Parameters", "length", "a kick-off's Parameters take " + MOST_BODY + " bytes at most");
			}
			String text = new String(body, StandardCharsets.UTF_8);
			Parameters parameters;
			try {
				IParser parser = text.stripLeading().startsWith("<") ? fhir.newXmlParser() : fhir.newJsonParser();
				parameters = parser.parseResource(Parameters.class, text);
			}
			catch (DataFormatException | ClassCastException e) {
				throw new InvalidInput("Parameters", "resource", "the body of a POST kick-off is a Parameters resource");
			}
			for (int i = 0; i < parameters.getParameter().size(); i++) {
				Parameters.ParametersParameterComponent parameter = parameters.getParameter().get(i);
				if (PATIENT.equals(parameter.getName())) {
					values.computeIfAbsent(PATIENT, n -> new ArrayList<>()).add(reference(parameter, i));
					continue;
				}
				if (!parameter.hasName() || !(parameter.getValue() instanceof PrimitiveType<?> value)
						|| !value.hasValue() || parameter.hasResource() || parameter.hasPart()) {
					throw new InvalidInput("Parameters.parameter[" + i + "]", "value",
							"each parameter is a name with a value (valueString, valueInstant...)");
				}
				values.computeIfAbsent(parameter.getName(), n -> new ArrayList<>()).add(value.getValueAsString());
			}
		}
		Map<String, String[]> all = new LinkedHashMap<>();
		values.forEach((name, given) -> all.put(name, given.toArray(String[]::new)));
		return all;
	}

	/** The reference text of a {@code patient} parameter, which carries a valueReference and nothing else. */
	private static String reference(Parameters.ParametersParameterComponent parameter, int i) {
		if (!(parameter.getValue() instanceof Reference reference) || !reference.hasReference()
				|| reference.hasIdentifier() || parameter.hasResource() || parameter.hasPart()) {
			throw new InvalidInput("Parameters.parameter[" + i + "]", "value",
					"patient is a valueReference to Patient/{idcs}");
		}
		return reference.getReference();
	}

	/** The IDCS of the {@code patient} references, each once, at most {@link #MOST_PATIENTS}. */
	private static List<String> patients(String[] references) {
		if (references.length > MOST_PATIENTS) {
			throw new InvalidInput(PATIENT, "count", "at most " + MOST_PATIENTS + " patients a kick-off");
		}
		java.util.Set<String> patients = new java.util.LinkedHashSet<>();
		for (String reference : references) {
			java.util.regex.Matcher matcher = PATIENT_REFERENCE.matcher(reference);
			if (!matcher.matches()) {
				throw new InvalidInput(PATIENT, "reference", "each patient is a reference Patient/{idcs}; not '"
						+ printable(reference) + "'");
			}
			if (!patients.add(matcher.group(1))) {
				throw new InvalidInput(PATIENT, "duplicate", reference + " is named twice");
			}
		}
		return List.copyOf(patients);
	}

	private static String printable(String value) {
		String shown = value.length() > 40 ? value.substring(0, 40) : value;
		return shown.replaceAll("[^A-Za-z0-9/-]", "?");
	}

	private static String single(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		if (values == null) {
			return null;
		}
		if (values.length != 1) {
			throw new InvalidInput(name, "single", "give " + name + " once");
		}
		if (values[0].length() > 100) {
			throw new InvalidInput(name, "length", "at most 100 characters");
		}
		return values[0];
	}

	private static List<String> types(String value) {
		if (value == null) {
			return TYPES;
		}
		List<String> asked = new ArrayList<>();
		for (String type : value.split(",", -1)) {
			String name = type.strip();
			if (!TYPES.contains(name)) {
				throw new InvalidInput("_type", "type", "the beneficiary feed exports Patient and Coverage; not '"
						+ name.replaceAll("[^A-Za-z0-9]", "?") + "'");
			}
			if (asked.contains(name)) {
				throw new InvalidInput("_type", "duplicate", name + " is asked twice");
			}
			asked.add(name);
		}
		return TYPES.stream().filter(asked::contains).toList();
	}

	/** A FHIR instant: date, time to the second at least, and an offset or Z; not in the future. */
	private static Instant since(String value, Instant now) {
		if (value == null) {
			return null;
		}
		Instant since;
		try {
			since = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput("_since", "instant", "an instant with its offset, e.g. 2026-06-01T00:00:00Z");
		}
		if (since.isBefore(EARLIEST)) {
			throw new InvalidInput("_since", "range", "must be on or after " + EARLIEST);
		}
		if (since.isAfter(now)) {
			throw new InvalidInput("_since", "not-future", "must not be after the server's time, " + now);
		}
		return since;
	}
}
