package ma.amo.population;

import static ma.amo.support.People.RNP_HEADER;
import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RegisterImportIntegrationTest {

	@Autowired
	java.time.Clock clock;

	@Autowired
	PopulationImports imports;

	@Autowired
	PopulationRegister register;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	private static final LocalDate BIRTH = LocalDate.of(1985, 4, 12);

	private ImportJob load(ImportMode mode, List<String> lines) {
		return Registers.load(imports, ImportKind.RNP, mode, RNP_HEADER, lines);
	}

	private long persons() {
		return jdbc.sql("select count(*) from person").query(Long.class).single();
	}

	@Test
	void importsAnRnpExtractAndCountsInsertedRows() {
		String a = idcs();
		String b = idcs();
		ImportJob job = load(ImportMode.ALL_OR_NOTHING,
				List.of(rnp(a, cin(), "Bennani", "Youssef", BIRTH, 'M'), rnp(b, null, "Bennani", "Salma", BIRTH, 'F')));
		assertThat(job.status()).isEqualTo(ImportJob.Status.COMPLETED);
		assertThat(job.rowsRead()).isEqualTo(2);
		assertThat(job.rowsInserted()).isEqualTo(2);
		assertThat(job.percentRead()).isEqualTo(100);
		Person person = register.person(a).orElseThrow();
		assertThat(person.firstName()).isEqualTo("Youssef");
		assertThat(person.firstNameAr()).isEqualTo("فاطمة");
		assertThat(person.region()).isEqualTo("Rabat-Salé-Kénitra");
		assertThat(register.person(b).orElseThrow().cin()).isNull();
	}

	@Test
	void anImportThatChangesTheRegisterRefreshesItsPlannerStatistics() {
		long before = analyses("person");
		load(ImportMode.ALL_OR_NOTHING, List.of(rnp(idcs(), cin(), "Alami", "Karim", BIRTH, 'M')));
		assertThat(analyses("person")).isGreaterThan(before);
	}

	private long analyses(String table) {
		return jdbc.sql("select analyze_count from pg_stat_user_tables where relname = ?").param(table)
			.query(Long.class).single();
	}

	@Test
	void reimportingTheSameFileChangesNothing() {
		List<String> lines = List.of(rnp(idcs(), cin(), "Tazi", "Omar", BIRTH, 'M'), rnp(idcs(), cin(), "Tazi", "Aicha", BIRTH, 'F'));
		load(ImportMode.ALL_OR_NOTHING, lines);
		long before = persons();
		ImportJob again = load(ImportMode.ALL_OR_NOTHING, lines);
		assertThat(again.status()).isEqualTo(ImportJob.Status.COMPLETED);
		assertThat(again.rowsInserted()).isZero();
		assertThat(again.rowsUpdated()).isZero();
		assertThat(again.rowsUnchanged()).isEqualTo(2);
		assertThat(persons()).isEqualTo(before);
	}

	@Test
	void aNewerExtractUpdatesTheChangedPersonsOnly() {
		String moved = idcs();
		String stayed = idcs();
		load(ImportMode.ALL_OR_NOTHING, List.of(rnp(moved, null, "Lahlou", "Hamza", BIRTH, 'M'),
				rnp(stayed, null, "Lahlou", "Nadia", BIRTH, 'F')));
		ImportJob newer = load(ImportMode.ALL_OR_NOTHING, List.of(
				rnp(moved, null, "Lahlou", "Hamza", BIRTH, 'M').replace("Rabat (Mun.),Rabat,Rabat-Salé-Kénitra",
						"Agadir (Mun.),Agadir-Ida-Ou-Tanane,Souss-Massa") + "2025-01-02",
				rnp(stayed, null, "Lahlou", "Nadia", BIRTH, 'F')));
		assertThat(newer.rowsUpdated()).isEqualTo(1);
		assertThat(newer.rowsUnchanged()).isEqualTo(1);
		Person person = register.person(moved).orElseThrow();
		assertThat(person.region()).isEqualTo("Souss-Massa");
		assertThat(person.deathDate()).isEqualTo(LocalDate.of(2025, 1, 2));
	}

	@Test
	void aFileWithOneBadRowDeepInsideImportsNothingAndReportsTheRow() {
		long before = persons();
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			lines.add(rnp(idcs(), null, "Chraibi", "Mehdi", BIRTH, 'M'));
		}
		lines.set(3_999, rnp(idcs(), null, "Chraibi", "Mehdi", LocalDate.of(1985, 4, 12), 'M').replace("1985-04-12", "1985-02-30"));
		ImportJob job = load(ImportMode.ALL_OR_NOTHING, lines);
		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.message()).contains("nothing was imported");
		assertThat(job.rowsRejected()).isEqualTo(1);
		assertThat(persons()).isEqualTo(before);
		List<ImportRejection> report = imports.rejections(job.id(), 0, 10);
		assertThat(report).containsExactly(
				new ImportRejection(4_001, "birth_date", "'1985-02-30' is not a date (yyyy-MM-dd)"));
	}

	@Test
	void keepValidModeImportsTheValidRowsAndReportsEachRejectedOne() {
		String good = idcs();
		String duplicate = idcs();
		String badCheckDigit = good.substring(0, 9) + ((good.charAt(9) - '0' + 1) % 10);
		ImportJob job = load(ImportMode.KEEP_VALID, List.of(
				rnp(good, null, "Berrada", "Khadija", BIRTH, 'F'),
				rnp(badCheckDigit, null, "Berrada", "Rachid", BIRTH, 'M'),
				rnp(duplicate, "AB12", "Berrada", "Imane", BIRTH, 'F'),
				rnp(duplicate, null, "Berrada", "Imane", BIRTH, 'F'),
				rnp(idcs(), "12AB", "Berrada", "Said", BIRTH, 'M'),
				rnp(idcs(), null, "Berrada", "Said", BIRTH, 'X'),
				rnp(idcs(), null, "Berrada", "Said", LocalDate.now(clock).plusDays(2), 'M'),
				"1234567890,too,few"));
		assertThat(job.status()).isEqualTo(ImportJob.Status.COMPLETED);
		assertThat(job.rowsInserted()).isEqualTo(2);
		assertThat(job.rowsRejected()).isEqualTo(6);
		assertThat(imports.rejections(job.id(), 0, 10)).extracting(ImportRejection::line, ImportRejection::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "idcs"), org.assertj.core.groups.Tuple.tuple(5L, "idcs"),
					org.assertj.core.groups.Tuple.tuple(6L, "cin"), org.assertj.core.groups.Tuple.tuple(7L, "sex"),
					org.assertj.core.groups.Tuple.tuple(8L, "birth_date"), org.assertj.core.groups.Tuple.tuple(9L, "line"));
		assertThat(register.person(good)).isPresent();
		assertThat(register.person(duplicate).orElseThrow().cin()).isEqualTo("AB12");
	}

	@Test
	void aCinAlreadyHeldByAnotherPersonIsRejected() {
		String cin = cin();
		load(ImportMode.ALL_OR_NOTHING, List.of(rnp(idcs(), cin, "Naciri", "Driss", BIRTH, 'M')));
		ImportJob job = load(ImportMode.ALL_OR_NOTHING, List.of(rnp(idcs(), cin, "Naciri", "Zineb", BIRTH, 'F')));
		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(imports.rejections(job.id(), 0, 10).getFirst().reason()).contains("already belongs");
	}

	@Test
	void aHeaderWithoutARequiredColumnFailsNamingTheColumn() {
		ImportJob job = Registers.load(imports, ImportKind.RNP, ImportMode.ALL_OR_NOTHING,
				"idcs,cin,first_name,birth_date,sex,commune,province,region", List.of());
		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(job.message()).isEqualTo("line 1: the header lacks the column(s) last_name");
	}

	@Test
	void rsuScoresKeepTheirHistoryAndTheScoreInForceIsTheLatest() {
		String member = idcs();
		load(ImportMode.ALL_OR_NOTHING, List.of(rnp(member, null, "Ziani", "Hajar", BIRTH, 'F')));
		String header = "household_id;idcs;score;score_date";
		ImportJob first = Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, header,
				List.of("H-77;" + member + ";9.1000000;2023-05-01"));
		assertThat(first.rowsInserted()).isEqualTo(1);
		ImportJob same = Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, header,
				List.of("H-77;" + member + ";9.1000000;2023-05-01"));
		assertThat(same.rowsUnchanged()).isEqualTo(1);
		Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, header,
				List.of("H-77;" + member + ";9.6;2025-02-01"));
		assertThat(register.scoreHistory(member)).hasSize(2);
		assertThat(register.scoreOn(member, LocalDate.of(2025, 1, 31)).orElseThrow().score()).isEqualByComparingTo("9.1");
		assertThat(register.scoreOn(member, LocalDate.of(2025, 2, 1)).orElseThrow().score()).isEqualByComparingTo("9.6");
		assertThat(register.household("H-77", LocalDate.of(2025, 3, 1))).hasSize(1);
	}

	@Test
	void rsuRowsOfPersonsMissingFromThePopulationRegisterAreRejected() {
		String unknown = idcs();
		ImportJob job = Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING,
				"household_id,idcs,score,score_date", List.of("H-1," + unknown + ",9.2,2023-05-01"));
		assertThat(job.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(imports.rejections(job.id(), 0, 10).getFirst().reason()).contains("not in the population register");
	}

	@Test
	void anUploadedExtractIsImportedInTheBackgroundAndItsJobShowsProgress() throws InterruptedException {
		String idcs = idcs();
		Api.Response accepted = api.upload("/api/v1/import-jobs?kind=RNP", "rnp.csv",
				RNP_HEADER + "\n" + rnp(idcs, null, "Ouazzani", "Ayoub", BIRTH, 'M') + "\n");
		assertThat(accepted.status()).isEqualTo(202);
		long id = accepted.body().get("id").asLong();
		JsonNode job = accepted.body();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!job.get("status").asText().equals("COMPLETED") && !job.get("status").asText().equals("FAILED")
				&& System.nanoTime() < deadline) {
			Thread.sleep(50);
			job = api.get("/api/v1/import-jobs/" + id).body();
		}
		assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(job.get("percentRead").asInt()).isEqualTo(100);
		assertThat(job.get("rowsInserted").asInt()).isEqualTo(1);
		JsonNode person = api.get("/api/v1/persons/" + idcs).body();
		assertThat(person.get("person").get("lastName").asText()).isEqualTo("Ouazzani");
	}

	@Test
	void anUploadWithoutKindIsABadRequestNamingTheParameter() {
		Api.Response response = api.upload("/api/v1/import-jobs", "rnp.csv", RNP_HEADER + "\n");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("kind");
	}

	@Test
	void personsArePagedWithTheirIdcs() {
		Api.Response page = api.get("/api/v1/persons?page=0&size=5");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().get("content").size()).isLessThanOrEqualTo(5);
		assertThat(api.get("/api/v1/persons?size=0").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/persons/12345").body().get("errors").get(0).get("field").asText()).isEqualTo("idcs");
	}
}
