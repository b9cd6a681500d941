package ma.amo.approvals;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.RightsChanged;
import ma.amo.enrolment.RightsChangedInBulk;
import ma.amo.enrolment.RightsStatus;
import ma.amo.population.PopulationImports;
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
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * A request awaiting its reviewer follows its patient's rights: the enrolment module tells whose rights changed, and
 * the pre-check's finding on rights is made again for the day care starts.
 */
@IntegrationTest
@EnableScenarios
class PendingRequestsFollowRightsIntegrationTest {

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	MemberEnrolment enrolment;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Api administrator;
	Api reviewer;
	Api establishment;
	String clinic;
	LocalDate today;

	@BeforeEach
	void setUp() {
		administrator = new Api(port);
		reviewer = Users.medicalReviewer(administrator);
		clinic = directory.register(new ProviderDirectory.NewEstablishment("Clinique Oasis " + UUID.randomUUID(), "CLINIC",
				Sector.PRIVATE, "Casablanca-Settat", "Casablanca", "Casablanca (Mun.)"), LocalDate.of(2020, 1, 1))
			.provider().inpe();
		establishment = Users.as(administrator, "PROVIDER", null, clinic, null);
		today = LocalDate.now(clock);
	}

	String insured() {
		String idcs = idcs();
		Registers.persons(imports, rnp(idcs, cin(), "Tahiri", "Mehdi", LocalDate.of(1975, 11, 3), 'M'));
		assertThat(administrator.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
			.formatted(idcs)).status()).isEqualTo(201);
		return idcs;
	}

	String pending(String idcs, LocalDate start) {
		Api.Response asked = establishment.post("/api/v1/prior-approvals", """
				{"patientIdcs":"%s","establishmentInpe":"%s","careType":"HOSPITAL_STAY","expectedStart":"%s",
				 "stayDays":4,"lines":[{"actCode":"APPENDICECTOMIE","billed":2000.00}],"medicalNote":"Cholécystite"}"""
			.formatted(idcs, clinic, start), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
		assertThat(asked.body().get("status").asText()).isEqualTo("PENDING");
		return asked.body().get("reference").asText();
	}

	JsonNode rightsFinding(String reference) {
		for (JsonNode finding : reviewer.get("/api/v1/prior-approvals/" + reference).body().get("preCheck")) {
			if (finding.get("code").asText().equals("RIGHTS_OPEN")) {
				return finding;
			}
		}
		throw new AssertionError("no rights finding on " + reference);
	}

	/** Whether the approvals module has finished following the person's rights changes. */
	boolean followed(String idcs) {
		return jdbc.sql("""
				select count(*) from event_publication where completion_date is null and event_type = ?
				  and serialized_event::jsonb ->> 'idcs' = ?""")
			.params(RightsChanged.class.getName(), idcs).query(Long.class).single() == 0;
	}

	@Test
	void rightsSuspendedBeforeTheCareStartsShowInThePendingRequestsPreCheck(Scenario scenario) {
		String idcs = insured();
		LocalDate start = today.plusDays(7);
		String reference = pending(idcs, start);
		assertThat(rightsFinding(reference).get("passed").asBoolean()).isTrue();
		assertThat(rightsFinding(reference).get("detail").asText()).startsWith("droits ouverts le " + start + ": ");
		long period = enrolment.enrolmentsOfPerson(idcs).getFirst().id();

		scenario.stimulate(() -> enrolment.suspend(period, today.plusDays(3), null, "Cotisations impayées"))
			.andWaitForEventOfType(RightsChanged.class)
			.matching(changed -> changed.idcs().equals(idcs) && changed.kind().equals("SUSPENSION"))
			.toArriveAndVerify(changed -> {
				assertThat(changed.closedSomewhere()).isTrue();
				assertThat(changed.steps()).contains(
						new RightsChanged.Step(today.plusDays(3), RightsStatus.OPEN, RightsStatus.SUSPENDED));
			});
		await().atMost(Duration.ofSeconds(10)).until(() -> followed(idcs));
		JsonNode finding = rightsFinding(reference);
		assertThat(finding.get("passed").asBoolean()).isFalse();
		assertThat(finding.get("detail").asText()).startsWith("droits suspendus le " + start).doesNotContain("SUSPENDED");
		JsonNode approval = reviewer.get("/api/v1/prior-approvals/" + reference).body();
		assertThat(approval.get("status").asText()).isEqualTo("PENDING");
		JsonNode last = approval.get("history").get(approval.get("history").size() - 1);
		assertThat(last.get("action").asText()).isEqualTo("PRE_CHECK");
		assertThat(last.get("comment").asText()).startsWith("Droits du patient revus: droits suspendus le " + start);
	}

	@Test
	void aRequestForCareBeforeTheChangeKeepsItsFinding(Scenario scenario) {
		String idcs = insured();
		String reference = pending(idcs, today.plusDays(2));
		long period = enrolment.enrolmentsOfPerson(idcs).getFirst().id();
		scenario.stimulate(() -> enrolment.suspend(period, today.plusDays(30), null, "Cotisations impayées"))
			.andWaitForEventOfType(RightsChanged.class)
			.matching(changed -> changed.idcs().equals(idcs) && changed.kind().equals("SUSPENSION"))
			.toArriveAndVerify(changed -> assertThat(changed.steps().getFirst().from()).isEqualTo(today.plusDays(30)));
		await().atMost(Duration.ofSeconds(10)).until(() -> followed(idcs));
		JsonNode approval = reviewer.get("/api/v1/prior-approvals/" + reference).body();
		assertThat(rightsFinding(reference).get("passed").asBoolean()).isTrue();
		assertThat(approval.findValuesAsString("action")).doesNotContain("PRE_CHECK");
	}

	@Test
	void aLoadThatChangedTheRightsOfManyPeopleIsToldOnceAndEveryPendingRequestLookedAtAgain(Scenario scenario) {
		String suspended = insured();
		String untouched = insured();
		LocalDate start = today.plusDays(5);
		String changed = pending(suspended, start);
		String same = pending(untouched, start);
		// The load wrote the suspension itself, as a portfolio load writes its periods, and tells of it in bulk.
		jdbc.sql("""
				insert into rights_suspension (enrolment_id, start_date, reason)
				select e.id, ?, 'Reprise: suspension du portefeuille' from enrolment e join member m on m.id = e.member_id
				where m.idcs = ?""").params(today, suspended).update();

		scenario.publish(new RightsChangedInBulk(0, "PORTFOLIO_LOAD", today, 5_000))
			.andWaitForStateChange(() -> rightsFinding(changed), finding -> !finding.get("passed").asBoolean())
			.andVerify(finding -> assertThat(finding.get("detail").asText()).startsWith("droits suspendus le " + start));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from event_publication where completion_date is null and event_type = ?""")
			.param(RightsChangedInBulk.class.getName()).query(Long.class).single() == 0);
		assertThat(rightsFinding(same).get("passed").asBoolean()).isTrue();
		assertThat(reviewer.get("/api/v1/prior-approvals/" + same).body().findValuesAsString("action"))
			.doesNotContain("PRE_CHECK");
	}
}
