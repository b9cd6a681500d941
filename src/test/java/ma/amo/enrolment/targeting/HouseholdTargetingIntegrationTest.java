package ma.amo.enrolment.targeting;

import static ma.amo.support.People.RNP_HEADER;
import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.RightsEvents;
import ma.amo.enrolment.RightsStatus;
import ma.amo.parameters.Parameters;
import ma.amo.population.ImportJob;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Interior ministry's household files and the RSU extracts target Tadamon in bulk: households registered with their
 * family links or rejected with the reason, answer files, and households moved in and out when their score or the
 * threshold crosses. Scores are far from the threshold (5 and 12) except where a test moves the threshold itself.
 */
@IntegrationTest
class HouseholdTargetingIntegrationTest {

	private static final String HOUSEHOLD_HEADER = "household_id,idcs,relation,applied_on";
	private static final String RSU_HEADER = "household_id,idcs,score,score_date";
	private static final LocalDate APPLIED = LocalDate.of(2026, 3, 2);

	@Autowired
	PopulationImports imports;

	@Autowired
	HouseholdTargeting targeting;

	@Autowired
	Eligibility eligibility;

	@Autowired
	MemberEnrolment enrolment;

	@Autowired
	RightsEvents events;

	@Autowired
	Parameters parameters;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	/** A household of the RNP: head born 1986, spouse 1988, then children born on the given dates. */
	private record Household(String id, String head, String spouse, List<String> children) {

		List<String> members() {
			List<String> all = new ArrayList<>(List.of(head, spouse));
			all.addAll(children);
			return all;
		}

		List<String> fileLines(LocalDate applied) {
			List<String> lines = new ArrayList<>(List.of(id + "," + head + ",HEAD," + applied, id + "," + spouse + ",SPOUSE," + applied));
			children.forEach(child -> lines.add(id + "," + child + ",CHILD," + applied));
			return lines;
		}

		List<String> rsuLines(String score, LocalDate date) {
			return members().stream().map(idcs -> id + "," + idcs + "," + score + "," + date).toList();
		}
	}

	private Household household(LocalDate... childrenBirths) {
		Household household = new Household("FOY-" + idcs(), idcs(), idcs(),
				Arrays.stream(childrenBirths).map(b -> idcs()).toList());
		List<String> rnp = new ArrayList<>(List.of(rnp(household.head(), cin(), "Amrani", "Hassan", LocalDate.of(1986, 5, 1), 'M'),
				rnp(household.spouse(), cin(), "Amrani", "Khadija", LocalDate.of(1988, 7, 9), 'F')));
		for (int i = 0; i < childrenBirths.length; i++) {
			rnp.add(rnp(household.children().get(i), null, "Amrani", "Enfant" + i, childrenBirths[i], i % 2 == 0 ? 'F' : 'M'));
		}
		Registers.persons(imports, rnp.toArray(String[]::new));
		return household;
	}

	private ImportJob rsu(List<String> lines) {
		ImportJob job = Registers.load(imports, ImportKind.RSU, ImportMode.ALL_OR_NOTHING, RSU_HEADER, lines);
		assertThat(job.status()).isEqualTo(ImportJob.Status.COMPLETED);
		return job;
	}

	private ImportJob householdFile(ImportMode mode, List<String> lines) {
		return Registers.load(imports, ImportKind.HOUSEHOLD, mode, HOUSEHOLD_HEADER, lines);
	}

	/** The targeting pass of a job, once the event of its import reached the enrolment module and the pass ended. */
	private TargetingRun targeted(ImportJob job) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			try {
				return targeting.runOfJob(job.id()).status() != TargetingRun.Status.RUNNING;
			}
			catch (ma.amo.shared.NotFound e) {
				return false;
			}
		});
		TargetingRun run = targeting.runOfJob(job.id());
		assertThat(run.status()).as(run.message()).isEqualTo(TargetingRun.Status.COMPLETED);
		return run;
	}

	/** The answer file's line of a household, read as CSV into its columns. */
	private String[] answer(ImportJob job, String householdId) {
		Api.Response response = api.get("/api/v1/tadamon/household-files/" + job.id() + "/answers");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.raw()).startsWith(HouseholdAnswers.HEADER + "\n");
		try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(response.raw())) {
			return csv.stream().filter(r -> r.getField(0).equals(householdId)).findFirst()
				.map(r -> r.getFields().toArray(String[]::new))
				.orElseThrow(() -> new AssertionError("no answer for " + householdId));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private String decision(String householdId) {
		return jdbc.sql("select outcome || ':' || reason_code from household_decision where household_id = ?")
			.param(householdId).query(String.class).single();
	}

	private RightsStatus rights(String idcs, LocalDate date) {
		return eligibility.of(idcs, date).status();
	}

	@Test
	void aHouseholdIsRegisteredWithItsSpouseAndChildrenLinkedFromTheRelations() {
		Household family = household(LocalDate.of(2015, 2, 3), LocalDate.of(2002, 1, 20));
		String young = family.children().get(0);
		String adult = family.children().get(1);
		rsu(family.rsuLines("5.0000000", LocalDate.of(2026, 1, 10)));

		ImportJob file = householdFile(ImportMode.ALL_OR_NOTHING, family.fileLines(APPLIED));
		assertThat(file.status()).isEqualTo(ImportJob.Status.COMPLETED);
		assertThat(file.rowsInserted()).isEqualTo(4);
		assertThat(targeted(file).registered()).isGreaterThanOrEqualTo(1);

		assertThat(decision(family.id())).isEqualTo("REGISTERED:SCORE_BELOW_THRESHOLD");
		var head = enrolment.enrolmentsOfPerson(family.head());
		assertThat(head).singleElement().satisfies(e -> {
			assertThat(e.regime()).isEqualTo(Regime.TADAMON);
			assertThat(e.startDate()).isEqualTo(APPLIED);
		});
		var links = enrolment.dependantsOf(enrolment.membershipsOfPerson(family.head()).getFirst());
		assertThat(links).extracting(d -> d.idcs() + ":" + d.relation())
			.containsExactlyInAnyOrder(family.spouse() + ":SPOUSE", young + ":CHILD");
		// A child over the age limit is covered as a member of their own, as the single registration does.
		assertThat(enrolment.enrolmentsOfPerson(adult)).singleElement()
			.satisfies(e -> assertThat(e.regime()).isEqualTo(Regime.TADAMON));
		for (String member : family.members()) {
			assertThat(rights(member, APPLIED)).as(member).isEqualTo(RightsStatus.OPEN);
		}
		assertThat(rights(family.head(), APPLIED.minusDays(1))).isEqualTo(RightsStatus.CLOSED);
		assertThat(events.history(family.head())).anySatisfy(c -> assertThat(c.event().summary())
			.contains("fichier des foyers").contains("import n° " + file.id()));

		String[] line = answer(file, family.id());
		assertThat(line[1]).isEqualTo("REGISTERED");
		assertThat(line[5].split(" ")).hasSize(2)
			.contains(enrolment.membershipsOfPerson(family.head()).getFirst().registrationNumber());
	}

	@Test
	void eachHouseholdRejectedIsAnsweredWithItsReason() {
		Household absent = household(LocalDate.of(2016, 4, 4));
		Household wealthy = household(LocalDate.of(2017, 5, 5));
		Household salaried = household(LocalDate.of(2018, 6, 6));
		Household unknown = household();
		String stranger = idcs();
		rsu(concat(wealthy.rsuLines("12.0000000", LocalDate.of(2026, 1, 10)),
				salaried.rsuLines("5.0000000", LocalDate.of(2026, 1, 10)),
				unknown.rsuLines("5.0000000", LocalDate.of(2026, 1, 10))));
		enrolment.enrol(salaried.spouse(), Regime.SALARIED_PRIVATE, LocalDate.of(2025, 1, 1), false);

		ImportJob file = householdFile(ImportMode.ALL_OR_NOTHING, concat(absent.fileLines(APPLIED),
				wealthy.fileLines(APPLIED), salaried.fileLines(APPLIED), unknown.fileLines(APPLIED),
				List.of(unknown.id() + "," + stranger + ",CHILD," + APPLIED)));
		assertThat(file.status()).isEqualTo(ImportJob.Status.COMPLETED);
		targeted(file);

		assertThat(answer(file, absent.id())).startsWith(absent.id(), "REJECTED", "NOT_IN_RSU");
		assertThat(answer(file, wealthy.id())).startsWith(wealthy.id(), "REJECTED", "SCORE_NOT_BELOW_THRESHOLD");
		assertThat(answer(file, wealthy.id())[3]).contains("12").contains("9.3264284");
		assertThat(answer(file, salaried.id())).startsWith(salaried.id(), "REJECTED", "COVERED_BY_OTHER_REGIME");
		assertThat(answer(file, salaried.id())[3]).contains(salaried.spouse());
		assertThat(answer(file, unknown.id())).startsWith(unknown.id(), "REJECTED", "UNKNOWN_PERSON");
		assertThat(answer(file, unknown.id())[3]).contains(stranger);
		for (Household rejected : List.of(absent, wealthy, unknown)) {
			assertThat(enrolment.enrolmentsOfPerson(rejected.head())).isEmpty();
		}
		assertThat(enrolment.enrolmentsOfPerson(salaried.head())).isEmpty();
	}

	@Test
	void reImportingTheSameHouseholdFileChangesNothing() {
		Household family = household(LocalDate.of(2014, 9, 9));
		Household wealthy = household();
		rsu(concat(family.rsuLines("5.0000000", LocalDate.of(2026, 1, 10)),
				wealthy.rsuLines("12.0000000", LocalDate.of(2026, 1, 10))));
		List<String> lines = concat(family.fileLines(APPLIED), wealthy.fileLines(APPLIED));
		ImportJob first = householdFile(ImportMode.ALL_OR_NOTHING, lines);
		targeted(first);
		long members = jdbc.sql("select count(*) from member").query(Long.class).single();
		long links = jdbc.sql("select count(*) from dependant").query(Long.class).single();
		String answers = api.get("/api/v1/tadamon/household-files/" + first.id() + "/answers").raw();

		ImportJob again = householdFile(ImportMode.ALL_OR_NOTHING, lines);
		assertThat(again.rowsUnchanged()).isEqualTo(lines.size());
		assertThat(again.rowsInserted() + again.rowsUpdated()).isZero();
		TargetingRun run = targeted(again);
		assertThat(run.registered()).isZero();
		assertThat(run.rejected()).isZero();
		assertThat(run.rightsEventId()).isNull();
		assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(members);
		assertThat(jdbc.sql("select count(*) from dependant").query(Long.class).single()).isEqualTo(links);
		assertThat(enrolment.enrolmentsOfPerson(family.head())).hasSize(1);
		assertThat(api.get("/api/v1/tadamon/household-files/" + again.id() + "/answers").raw()).isEqualTo(answers);
	}

	@Test
	void badRowsAreNamedAndAnAllOrNothingFileStoresNothing() {
		Household family = household();
		String headless = "FOY-" + idcs();
		List<String> lines = concat(family.fileLines(APPLIED), List.of(
				headless + "," + idcs() + ",SPOUSE," + APPLIED,
				family.id() + "," + idcs() + ",COUSIN," + APPLIED,
				family.id() + "," + idcs() + ",CHILD,2099-01-01"));

		ImportJob refused = householdFile(ImportMode.ALL_OR_NOTHING, lines);
		assertThat(refused.status()).isEqualTo(ImportJob.Status.FAILED);
		assertThat(imports.rejections(refused.id(), 0, 10)).extracting(r -> r.line() + ":" + r.field())
			.containsExactly("4:relation", "5:relation", "6:applied_on");
		assertThat(jdbc.sql("select count(*) from household_member where household_id = ?").param(family.id())
			.query(Long.class).single()).isZero();

		ImportJob kept = householdFile(ImportMode.KEEP_VALID, lines);
		assertThat(kept.status()).isEqualTo(ImportJob.Status.COMPLETED);
		assertThat(kept.rowsRejected()).isEqualTo(3);
		assertThat(kept.rowsInserted()).isEqualTo(2);
		assertThat(targeted(kept).status()).isEqualTo(TargetingRun.Status.COMPLETED);
		assertThat(decision(family.id())).isEqualTo("REJECTED:NOT_IN_RSU");
	}

	@Test
	void aScoreCrossingTheThresholdMovesTheHouseholdBothWaysWithTheRightsThatFollow() {
		Household rising = household(LocalDate.of(2012, 3, 3));
		Household falling = household(LocalDate.of(2013, 4, 4));
		rsu(concat(rising.rsuLines("5.0000000", LocalDate.of(2026, 1, 10)),
				falling.rsuLines("12.0000000", LocalDate.of(2026, 1, 10))));
		ImportJob file = householdFile(ImportMode.ALL_OR_NOTHING, concat(rising.fileLines(APPLIED), falling.fileLines(APPLIED)));
		targeted(file);
		assertThat(decision(rising.id())).isEqualTo("REGISTERED:SCORE_BELOW_THRESHOLD");
		assertThat(decision(falling.id())).isEqualTo("REJECTED:SCORE_NOT_BELOW_THRESHOLD");

		LocalDate newScores = LocalDate.of(2026, 6, 1);
		ImportJob extract = rsu(concat(rising.rsuLines("12.0000000", newScores), falling.rsuLines("5.0000000", newScores)));
		TargetingRun run = targeted(extract);
		assertThat(run.cause()).isEqualTo(TargetingRun.Cause.RSU_EXTRACT);
		assertThat(run.leftTadamon()).isGreaterThanOrEqualTo(1);
		assertThat(run.registered()).isGreaterThanOrEqualTo(1);

		// Out: Tadamon ends the day before the new score; with no months kept for Tadamon, rights close then.
		assertThat(decision(rising.id())).isEqualTo("LEFT:SCORE_CROSSED_THRESHOLD");
		assertThat(enrolment.enrolmentsOfPerson(rising.head())).singleElement().satisfies(e -> {
			assertThat(e.endDate()).isEqualTo(newScores.minusDays(1));
			assertThat(e.endReason()).isEqualTo(ma.amo.enrolment.Enrolment.EndReason.CONDITIONS_ENDED);
		});
		assertThat(rights(rising.head(), newScores.minusDays(1))).isEqualTo(RightsStatus.OPEN);
		assertThat(rights(rising.head(), newScores)).isEqualTo(RightsStatus.CLOSED);
		assertThat(rights(rising.children().getFirst(), newScores)).isEqualTo(RightsStatus.CLOSED);
		assertThat(events.history(rising.head())).last().satisfies(c -> {
			assertThat(c.event().kind()).isEqualTo("RSU_RETARGETING");
			assertThat(c.event().summary()).contains("import n° " + extract.id());
		});
		Api.Response offers = api.get("/api/v1/achamil/offers?householdId=" + rising.id());
		assertThat(offers.status()).isEqualTo(200);
		assertThat(offers.body().get("content")).singleElement().satisfies(o -> {
			assertThat(o.get("idcs").asText()).isEqualTo(rising.head());
			assertThat(o.get("monthlyAmount").decimalValue()).isEqualByComparingTo("1164");
			assertThat(o.get("tadamonEndsOn").asText()).isEqualTo(newScores.minusDays(1).toString());
		});
		assertThat(answer(file, rising.id())).startsWith(rising.id(), "LEFT", "SCORE_CROSSED_THRESHOLD");
		assertThat(new BigDecimal(answer(file, rising.id())[6])).isEqualByComparingTo("1164");

		// In: the household that applied is registered from its new score's date, with its child.
		assertThat(decision(falling.id())).isEqualTo("REGISTERED:SCORE_BELOW_THRESHOLD");
		assertThat(enrolment.enrolmentsOfPerson(falling.head())).singleElement()
			.satisfies(e -> assertThat(e.startDate()).isEqualTo(newScores));
		assertThat(rights(falling.children().getFirst(), newScores)).isEqualTo(RightsStatus.OPEN);
		assertThat(rights(falling.head(), newScores.minusDays(1))).isEqualTo(RightsStatus.CLOSED);
		assertThat(events.history(falling.head())).last()
			.satisfies(c -> assertThat(c.event().kind()).isEqualTo("RSU_RETARGETING"));

		// The same extract again crosses nothing.
		TargetingRun repeat = targeted(rsu(concat(rising.rsuLines("12.0000000", newScores), falling.rsuLines("5.0000000", newScores))));
		assertThat(repeat.registered() + repeat.leftTadamon()).isZero();
	}

	@Test
	void aThresholdChangeIsCountedByADryRunThenAppliedTheSameWay() {
		Household near = household();
		Household above = household();
		rsu(concat(near.rsuLines("9.3000000", LocalDate.of(2026, 1, 10)), above.rsuLines("9.3300000", LocalDate.of(2026, 1, 10))));
		ImportJob file = householdFile(ImportMode.ALL_OR_NOTHING, concat(near.fileLines(APPLIED), above.fileLines(APPLIED)));
		targeted(file);
		assertThat(decision(near.id())).isEqualTo("REGISTERED:SCORE_BELOW_THRESHOLD");
		assertThat(decision(above.id())).isEqualTo("REJECTED:SCORE_NOT_BELOW_THRESHOLD");

		LocalDate from = LocalDate.of(2027, 6, 15);
		BigDecimal current = parameters.decimal("tadamon.rsu-threshold", from);
		// The default threshold rounded to the 4 decimals a recorded value may have: no score here lies in between.
		var baseline = targeting.dryRun(from, new BigDecimal("9.3264"));
		var lower = targeting.dryRun(from, new BigDecimal("9.2"));
		var higher = targeting.dryRun(from, new BigDecimal("9.34"));
		assertThat(lower.leaving() - baseline.leaving()).isEqualTo(1);
		assertThat(lower.entering()).isEqualTo(baseline.entering());
		assertThat(higher.entering() - baseline.entering()).isEqualTo(1);
		assertThat(higher.leaving()).isEqualTo(baseline.leaving());
		assertThat(decision(near.id())).as("a dry run changes nothing").isEqualTo("REGISTERED:SCORE_BELOW_THRESHOLD");

		Api.Response dryRun = api.post("/api/v1/tadamon/threshold-changes/dry-run",
				"{\"effectiveFrom\":\"" + from + "\",\"value\":9.2}");
		assertThat(dryRun.status()).isEqualTo(200);
		assertThat(dryRun.body().get("leaving").asLong()).isEqualTo(lower.leaving());
		Api.Response past = api.post("/api/v1/tadamon/threshold-changes/dry-run", "{\"effectiveFrom\":\"2020-01-01\",\"value\":9.2}");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.raw()).contains("effectiveFrom");
		Api.Response negative = api.post("/api/v1/tadamon/threshold-changes", "{\"effectiveFrom\":\"" + from + "\",\"value\":-1}");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(parameters.decimal("tadamon.rsu-threshold", from)).isEqualByComparingTo(current);

		try {
			Api.Response applied = api.post("/api/v1/tadamon/threshold-changes",
					"{\"effectiveFrom\":\"" + from + "\",\"value\":9.2}");
			assertThat(applied.status()).isEqualTo(200);
			assertThat(applied.body().get("status").asText()).isEqualTo("COMPLETED");
			assertThat(applied.body().get("leftTadamon").asInt()).isEqualTo(lower.leaving() - baseline.leaving() + baseline.leaving());
			assertThat(decision(near.id())).isEqualTo("LEFT:SCORE_CROSSED_THRESHOLD");
			assertThat(enrolment.enrolmentsOfPerson(near.head())).singleElement()
				.satisfies(e -> assertThat(e.endDate()).isEqualTo(from.minusDays(1)));
			assertThat(rights(near.head(), from.minusDays(1))).isEqualTo(RightsStatus.OPEN);
			assertThat(rights(near.head(), from)).isEqualTo(RightsStatus.CLOSED);
			assertThat(events.history(near.head())).last()
				.satisfies(c -> assertThat(c.event().kind()).isEqualTo("TADAMON_THRESHOLD"));
		}
		finally {
			// The default threshold has 7 decimals, more than a value recorded through the API may have: the test's
			// value is removed, and rewriting a value unchanged makes the parameters read again.
			jdbc.sql("delete from parameter_value where name = 'tadamon.rsu-threshold' and effective_from = ?").param(from).update();
			parameters.define("rights.keep-months.TADAMON", LocalDate.of(2005, 9, 1), "0");
			assertThat(parameters.decimal("tadamon.rsu-threshold", from)).isEqualByComparingTo(current);
		}
	}

	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		return Arrays.stream(parts).flatMap(List::stream).toList();
	}
}
