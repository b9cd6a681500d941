package ma.amo;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile-input corpus ({@code hostile-input/corpus.tsv}) over real HTTP: every input is refused with its
 * expected status, a problem that names the field (or the file's line and column), never a 500, and nothing is
 * stored: the row count of every table is the same after each input as before it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String SLOT = "\"@@HOSTILE@@\"";
	/** Tables that record a refused import or who read what: they are the report of a refusal, not data stored. */
	private static final Set<String> REPORTS = Set.of("audit_entry", "audit_anchor", "import_job", "import_rejection",
			"declaration_import", "declaration_rejection", "event_publication", "event_publication_archive",
			"flyway_schema_history");

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	Api api;
	final Map<String, String> fixtures = new HashMap<>();
	/** Users of the roles some endpoints require (the administrator has no access to medical data). */
	final Map<String, Api> callers = new HashMap<>();
	List<String> tables;

	@BeforeAll
	void fixtures() {
		api = new Api(port);
		LocalDate today = LocalDate.now(clock);
		fixtures.put("care", today.minusDays(20).toString());
		fixtures.put("filed", today.minusDays(10).toString());
		fixtures.put("future", today.plusDays(30).toString());
		String insured = idcs();
		String child = idcs();
		String outsider = idcs();
		Registers.persons(imports, rnp(insured, cin(), "Tazi", "Nadia", LocalDate.of(1985, 6, 1), 'F'),
				rnp(child, null, "Tazi", "Adam", today.minusYears(5), 'M'),
				rnp(outsider, cin(), "Idrissi", "Karim", LocalDate.of(1979, 2, 3), 'M'));
		Api.Response enrolled = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
					.formatted(insured));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		fixtures.put("idcs", insured);
		fixtures.put("child", child);
		fixtures.put("outsider", outsider);
		fixtures.put("member", enrolled.body().get("member").get("registrationNumber").asText());
		fixtures.put("enrolment", enrolled.body().get("enrolments").get(0).get("id").asText());
		fixtures.put("gp", directory.register(new ProviderDirectory.NewProfessional("Berrada", "Youssef",
				Profession.GENERAL_PRACTITIONER, null, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), today).inpe());
		fixtures.put("clinic", directory.register(new ProviderDirectory.NewEstablishment("Clinique " + UUID.randomUUID(),
				"CLINIC", Sector.PRIVATE, "Rabat-Salé-Kénitra", "Rabat", "Rabat (Mun.)"), today).provider().inpe());
		String ice = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
		Api.Response employer = api.post("/api/v1/employers", """
				{"name":"Conserverie du Souss","ice":"%s","region":"Souss-Massa","commune":"Agadir (Mun.)",
				 "affiliatedOn":"2012-04-01"}""".formatted(ice));
		assertThat(employer.status()).as(employer.raw()).isEqualTo(201);
		fixtures.put("employer", employer.body().get("affiliationNumber").asText());
		JsonNode endpoints = JSON.readTree(resource("hostile-input/endpoints.json"));
		endpoints.forEach(endpoint -> {
			if (endpoint.has("as")) {
				callers.computeIfAbsent(endpoint.get("as").asText(), role -> Users.as(api, role, null, null, null));
			}
		});
		tables = jdbc.sql("""
				select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
				order by table_name""").query(String.class).list().stream().filter(t -> !REPORTS.contains(t)).toList();
	}

	/** One line of the corpus. */
	record Input(int line, String endpoint, String field, String value, String expected) {

		@Override
		public String toString() {
			return "line " + line + ": " + endpoint + " " + field + " = " + (value.length() > 60 ? value.substring(0, 60) + "…" : value);
		}
	}

	@Test
	void everyHostileInputIsRefusedWithItsFieldNamedAndNothingStored() {
		JsonNode endpoints = JSON.readTree(resource("hostile-input/endpoints.json"));
		List<Input> corpus = corpus();
		List<String> failures = new ArrayList<>();
		int errors = 0;
		int stored = 0;
		for (Input input : corpus) {
			Map<String, Long> before = counts();
			String failure;
			Api.Response response = input.endpoint().startsWith("import:") ? upload(input) : send(endpoints, input);
			if (response.status() >= 500) {
				errors++;
			}
			failure = input.expected().equals("rejected") ? checkRegisterImport(input, response) : check(input, response);
			Map<String, Long> after = counts();
			if (!after.equals(before)) {
				stored++;
				failure = (failure == null ? "" : failure + "; ") + "stored: " + difference(before, after);
			}
			if (failure != null) {
				failures.add(input + " -> " + failure);
			}
		}
		System.out.printf("Hostile-input corpus: %d inputs, %d answers of 500 or more, %d stored something, %d failures%n",
				corpus.size(), errors, stored, failures.size());
		assertThat(corpus).hasSizeGreaterThan(500);
		assertThat(failures).as(String.join("\n", failures)).isEmpty();
	}

	private List<Input> corpus() {
		List<Input> corpus = new ArrayList<>();
		String[] lines = new String(resource("hostile-input/corpus.tsv"), StandardCharsets.UTF_8).split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank() || lines[i].startsWith("#")) {
				continue;
			}
			String[] columns = lines[i].split("\t");
			corpus.add(new Input(i + 1, columns[0], columns[1], columns[2], columns[3]));
		}
		return corpus;
	}

	private String check(Input input, Api.Response response) {
		if (input.expected().equals("400:server")) {
			return response.status() == 400 ? null : "status " + response.status() + " instead of 400: "
					+ abbreviated(response.raw());
		}
		if (!String.valueOf(response.status()).equals(input.expected())) {
			return "status " + response.status() + " instead of " + input.expected() + ": " + abbreviated(response.raw());
		}
		// A whole body that is not JSON is named as the body, or as the field where its syntax breaks; a path variable
		// or query parameter by its name.
		String expectedField = input.field().equals("$") ? "" : input.field().replaceAll("^[{?]|}$", "");
		JsonNode body = response.body();
		if (body == null) {
			return "no problem details: " + abbreviated(response.raw());
		}
		if (response.raw().matches("(?s).*\\b(java|javax|ma\\.amo|tools\\.jackson|org\\.springframework)\\.[a-zA-Z].*")) {
			return "names a Java type: " + abbreviated(response.raw());
		}
		for (String list : List.of("errors", "rejected", "rejections")) {
			for (JsonNode named : body.path(list)) {
				String field = named.path("field").asText();
				boolean rightLine = !input.endpoint().startsWith("import:") || named.path("line").asLong() == 2
						|| field.startsWith("line 2: ");
				if (rightLine && (expectedField.isEmpty() && !field.isEmpty() || field.equals(expectedField) || field.endsWith(": " + expectedField)
						|| field.startsWith(expectedField + "[") || field.startsWith(expectedField + "."))) {
					return null;
				}
			}
		}
		return "the problem does not name " + expectedField + ": " + abbreviated(response.raw());
	}

	/** A register import answers 202 and rejects the row in the job: its line and column are named there. */
	private String checkRegisterImport(Input input, Api.Response response) {
		if (response.status() != 202) {
			return "status " + response.status() + " instead of 202: " + abbreviated(response.raw());
		}
		String job = "/api/v1/import-jobs/" + response.body().get("id").asText();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!Set.of("COMPLETED", "FAILED").contains(api.get(job).body().path("status").asText())) {
			if (System.nanoTime() > deadline) {
				return "the import did not finish";
			}
			pause();
		}
		for (JsonNode rejection : api.get(job + "/rejections").body().path("content")) {
			if (rejection.path("line").asLong() == 2 && rejection.path("field").asText().equals(input.field())) {
				return null;
			}
		}
		return "no rejection of line 2 naming " + input.field() + ": " + abbreviated(api.get(job + "/rejections").raw());
	}

	private Api.Response send(JsonNode endpoints, Input input) {
		JsonNode endpoint = endpoints.get(input.endpoint());
		if (endpoint == null) {
			throw new IllegalArgumentException("no endpoint " + input.endpoint() + " in endpoints.json");
		}
		fixtures.put("key", UUID.randomUUID().toString());
		List<String> headers = new ArrayList<>();
		endpoint.path("headers").properties().forEach(h -> {
			headers.add(h.getKey());
			headers.add(substitute(h.getValue().asText()));
		});
		String path = endpoint.get("path").asText();
		for (Map.Entry<String, JsonNode> variable : endpoint.path("pathValues").properties()) {
			path = path.replace("{" + variable.getKey() + "}", input.field().equals("{" + variable.getKey() + "}")
					? input.value() : encoded(substitute(variable.getValue().asText())));
		}
		StringBuilder query = new StringBuilder();
		for (Map.Entry<String, JsonNode> parameter : endpoint.path("query").properties()) {
			query.append(query.isEmpty() ? "?" : "&").append(parameter.getKey()).append('=')
				.append(input.field().equals("?" + parameter.getKey()) ? input.value()
						: encoded(substitute(parameter.getValue().asText())));
		}
		Api caller = endpoint.has("as") ? callers.get(endpoint.get("as").asText()) : api;
		if (endpoint.get("method").asText().equals("GET")) {
			return caller.get(path + query);
		}
		boolean inUrl = input.field().startsWith("{") || input.field().startsWith("?");
		byte[] body = input.field().equals("$") ? wholeBody(input.value())
				: inUrl ? substitute(endpoint.get("body").toString()).getBytes(StandardCharsets.UTF_8)
						: mutated((ObjectNode) JSON.readTree(substitute(endpoint.get("body").toString())), input);
		return caller.post(path + query, "application/json", body, headers.toArray(String[]::new));
	}

	/** The template with the field replaced by the hostile value, written byte for byte. */
	private byte[] mutated(ObjectNode template, Input input) {
		List<Object> path = path(input.field());
		JsonNode parent = template;
		for (Object step : path.subList(0, path.size() - 1)) {
			parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
		}
		Object last = path.getLast();
		JsonNode original = last instanceof Integer index ? parent.get(index) : parent.get((String) last);
		Matcher repeat = Pattern.compile("@repeat\\((\\d+)\\)").matcher(input.value());
		if (repeat.matches()) {
			ArrayNode many = JSON.createArrayNode();
			for (int i = 0; i < Integer.parseInt(repeat.group(1)); i++) {
				many.add(original.get(0).deepCopy());
			}
			set(parent, last, many);
			return JSON.writeValueAsBytes(template);
		}
		set(parent, last, JSON.getNodeFactory().stringNode("@@HOSTILE@@"));
		byte[] written = JSON.writeValueAsBytes(template);
		byte[] slot = SLOT.getBytes(StandardCharsets.UTF_8);
		int at = indexOf(written, slot);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(written, 0, at);
		out.writeBytes(jsonValue(input.value()));
		out.write(written, at + slot.length, written.length - at - slot.length);
		return out.toByteArray();
	}

	private static void set(JsonNode parent, Object step, JsonNode value) {
		if (step instanceof Integer index) {
			((ArrayNode) parent).set(index, value);
		}
		else {
			((ObjectNode) parent).set((String) step, value);
		}
	}

	/** {@code lines[0].billed} as {@code lines, 0, billed}. */
	private static List<Object> path(String field) {
		List<Object> steps = new ArrayList<>();
		Matcher step = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]").matcher(field);
		while (step.find()) {
			steps.add(step.group(1) != null ? step.group(1) : Integer.valueOf(step.group(2)));
		}
		return steps;
	}

	/** A JSON value of the corpus, its macros expanded into bytes no JSON writer would produce. */
	private byte[] jsonValue(String value) {
		Matcher text = Pattern.compile("@text\\((\\d+)\\)").matcher(value);
		if (text.matches()) {
			return ("\"" + "x".repeat(Integer.parseInt(text.group(1))) + "\"").getBytes(StandardCharsets.UTF_8);
		}
		return switch (value) {
			case "@raw-nul" -> bytes("\"a", new byte[] { 0 }, "b\"");
			case "@bad-utf8" -> bytes("\"a", new byte[] { (byte) 0xC3, 0x28 }, "b\"");
			case "@bad-utf8-lead" -> bytes("\"a", new byte[] { (byte) 0xFF }, "b\"");
			case "@overlong-utf8" -> bytes("\"a", new byte[] { (byte) 0xC0, (byte) 0xAF }, "b\"");
			case "@future" -> ("\"" + fixtures.get("future") + "\"").getBytes(StandardCharsets.UTF_8);
			default -> value.getBytes(StandardCharsets.UTF_8);
		};
	}

	private static byte[] wholeBody(String value) {
		Matcher nested = Pattern.compile("@nested\\((\\d+)\\)").matcher(value);
		if (nested.matches()) {
			int depth = Integer.parseInt(nested.group(1));
			return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
		}
		Matcher raw = Pattern.compile("@raw\\((.*)\\)").matcher(value);
		if (!raw.matches()) {
			throw new IllegalArgumentException("a whole body is @raw(...) or @nested(n): " + value);
		}
		return raw.group(1).getBytes(StandardCharsets.UTF_8);
	}

	/** A file of a header and one valid row (line 2) whose cell in the column is the hostile value. */
	private Api.Response upload(Input input) {
		String today = LocalDate.now(clock).toString();
		return switch (input.endpoint()) {
			case "import:rnp" -> api.upload("/api/v1/import-jobs?kind=RNP&mode=ALL_OR_NOTHING", "rnp.csv",
					file(',', row("idcs", idcs(), "cin", cin(), "last_name", "Tazi", "first_name", "Nadia", "last_name_ar",
							"التازي", "first_name_ar", "نادية", "birth_date", "1990-01-01", "sex", "F", "commune",
							"Rabat (Mun.)", "province", "Rabat", "region", "Rabat-Salé-Kénitra", "death_date", ""), input));
			case "import:rsu" -> api.upload("/api/v1/import-jobs?kind=RSU&mode=ALL_OR_NOTHING", "rsu.csv",
					file(',', row("household_id", "M-" + UUID.randomUUID().toString().substring(0, 8), "idcs",
							fixtures.get("idcs"), "score", "9.5", "score_date", fixtures.get("care")), input));
			case "import:establishments" -> api.upload("/api/v1/providers/establishments/imports?sector=PUBLIC",
					"list.csv", file(',', row("region", "Oriental", "delegation", "Oujda-Angad", "commune", "Oujda (Mun.)",
							"name", "Centre de santé " + UUID.randomUUID(), "category", "CSU-1"), input));
			case "import:medicines" -> api.upload("/api/v1/tariffs/medicines/referentials?effectiveFrom=" + today
					+ "&proposedBy=agent.maker", "medicines.csv", file(',', row("code", "6118000160465", "name", "CLAMOXYL",
							"dci", "AMOXICILLINE", "dosage", "500 MG", "form", "GELULE", "presentation", "1 BOITE 24 GELULE",
							"ppv", "90", "ph", "", "prix_br", "80", "princeps_generique", "P", "taux_remboursement", "70"),
							input));
			case "import:declarations" -> api.upload("/api/v1/contributions/declaration-imports", "declarations.csv",
					file(';', row("affiliation_number", fixtures.get("employer"), "month",
							LocalDate.now(clock).minusMonths(1).toString().substring(0, 7), "registration_number",
							fixtures.get("member"), "days", "26", "gross_salary", "4250.00"), input));
			default -> throw new IllegalArgumentException("no import " + input.endpoint());
		};
	}

	private static Map<String, String> row(String... columnsAndValues) {
		Map<String, String> row = new LinkedHashMap<>();
		for (int i = 0; i + 1 < columnsAndValues.length; i += 2) {
			row.put(columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return row;
	}

	private static byte[] file(char separator, Map<String, String> row, Input input) {
		if (!row.containsKey(input.field())) {
			throw new IllegalArgumentException("no column " + input.field() + " in " + input.endpoint());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes((String.join(String.valueOf(separator), row.keySet()) + "\n").getBytes(StandardCharsets.UTF_8));
		boolean first = true;
		for (Map.Entry<String, String> cell : row.entrySet()) {
			if (!first) {
				out.write(separator);
			}
			first = false;
			out.writeBytes(cell.getKey().equals(input.field()) ? cellValue(input.value())
					: cell.getValue().getBytes(StandardCharsets.UTF_8));
		}
		out.write('\n');
		return out.toByteArray();
	}

	private static byte[] cellValue(String value) {
		Matcher text = Pattern.compile("@text\\((\\d+)\\)").matcher(value);
		if (text.matches()) {
			return "x".repeat(Integer.parseInt(text.group(1))).getBytes(StandardCharsets.UTF_8);
		}
		return switch (value) {
			case "@nul" -> bytes("Ab", new byte[] { 0 }, "c");
			case "@ctrl" -> bytes("Ab", new byte[] { 7 }, "c");
			case "@bad-utf8" -> bytes("Ab", new byte[] { (byte) 0xC3, 0x28 }, "c");
			case "@bad-utf8-lead" -> bytes("Ab", new byte[] { (byte) 0xFF }, "c");
			case "@overlong-utf8" -> bytes("Ab", new byte[] { (byte) 0xC0, (byte) 0xAF }, "c");
			case "@surrogate-bytes" -> bytes("Ab", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "c");
			default -> value.getBytes(StandardCharsets.UTF_8);
		};
	}

	private static byte[] bytes(String before, byte[] middle, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(middle);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private String substitute(String template) {
		String result = template;
		for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
			result = result.replace("${" + fixture.getKey() + "}", fixture.getValue());
		}
		return result;
	}

	private Map<String, Long> counts() {
		StringBuilder sql = new StringBuilder();
		for (String table : tables) {
			sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table).append("', count(*) from ")
				.append(table);
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql(sql.toString()).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	private static String difference(Map<String, Long> before, Map<String, Long> after) {
		List<String> changed = new ArrayList<>();
		after.forEach((table, count) -> {
			if (!count.equals(before.get(table))) {
				changed.add(table + " " + before.get(table) + " -> " + count);
			}
		});
		return String.join(", ", changed);
	}

	private static String encoded(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalStateException("slot not found in " + new String(haystack, StandardCharsets.UTF_8));
	}

	private static String abbreviated(String text) {
		return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	private static byte[] resource(String name) {
		try (InputStream in = HostileInputIntegrationTest.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
