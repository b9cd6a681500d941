package ma.amo.audit;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.amo.population.PopulationImports;
import ma.amo.support.Api;
import ma.amo.support.RealTime;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditTrailIntegrationTest {

	@Autowired
	java.time.Clock clock;

	@Autowired
	PopulationImports imports;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@LocalServerPort
	int port;

	Api api;
	Api officer;

	@BeforeEach
	void client() {
		api = new Api(port);
		officer = ma.amo.support.Users.dataProtectionOfficer(api);
	}

	/** A person enrolled in the public sector; answers the member's registration number. */
	private String member(String idcs) {
		Registers.persons(imports, rnp(idcs, cin(), "Bennani", "Karim", LocalDate.of(1980, 3, 4), 'M'));
		Api.Response enrolled = api.post("/api/v1/enrolments",
				"{\"idcs\":\"%s\",\"regime\":\"PUBLIC_SECTOR\",\"startDate\":\"2024-01-01\"}".formatted(idcs));
		assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
		return enrolled.body().path("member").path("registrationNumber").asString();
	}

	private JsonNode entries(String query) {
		Api.Response found = officer.get("/api/v1/audit-entries?" + query);
		assertThat(found.status()).as(found.raw()).isEqualTo(200);
		return found.body();
	}

	private List<JsonNode> reads(JsonNode page) {
		return page.path("content").valueStream().filter(e -> e.path("action").asString().equals("READ")).toList();
	}

	@Test
	void readingAMemberPageLeavesOneEntryNamingTheActorTheRecordAndThePurpose() {
		String registration = member(idcs());

		Api.Response page = api.get("/api/v1/members/" + registration, "X-Purpose", "CLAIM_PROCESSING");
		assertThat(page.status()).as(page.raw()).isEqualTo(200);

		List<JsonNode> reads = reads(entries("recordType=MEMBER&recordId=" + registration));
		assertThat(reads).hasSize(1);
		assertThat(reads.getFirst().path("actor").asString()).isEqualTo(Api.ADMINISTRATOR);
		assertThat(reads.getFirst().path("purpose").asString()).isEqualTo("CLAIM_PROCESSING");
		assertThat(reads.getFirst().path("hash").asString()).hasSize(64);
	}

	@Test
	void aReadWithoutPurposeIsRecordedWithTheEndpointsPurpose() {
		String registration = member(idcs());

		api.get("/api/v1/members/" + registration + "/dependants");

		assertThat(reads(entries("recordId=" + registration))).singleElement()
			.satisfies(e -> assertThat(e.path("purpose").asString()).isEqualTo("MEMBER_MANAGEMENT"));
	}

	@Test
	void anEnrolmentLeavesAChangeEntry() {
		String registration = member(idcs());

		JsonNode found = entries("recordType=MEMBER&recordId=" + registration);

		assertThat(found.path("content").valueStream().map(e -> e.path("action").asString()).toList())
			.containsExactly("CHANGE");
	}

	@Test
	void anEligibilityCheckByCinIsRecordedUnderTheIdcsReturned() {
		String idcs = idcs();
		String cin = cin();
		Registers.persons(imports, rnp(idcs, cin, "Tazi", "Salma", LocalDate.of(1990, 1, 2), 'F'));

		Api.Response rights = api.get("/api/v1/eligibility?cin=" + cin + "&date=2026-01-01");
		assertThat(rights.status()).as(rights.raw()).isEqualTo(200);

		assertThat(reads(entries("recordType=PERSON&recordId=" + idcs + "&purpose=ELIGIBILITY_CHECK"))).hasSize(1);
	}

	@Test
	void aPageOfPersonsLeavesOneEntryPerPersonReturned() {
		String first = idcs();
		String second = idcs();
		Registers.persons(imports, rnp(first, cin(), "Zeroualiqa", "Omar", LocalDate.of(1975, 5, 6), 'M'),
				rnp(second, cin(), "Zeroualiqa", "Nadia", LocalDate.of(1977, 7, 8), 'F'));

		Api.Response page = api.get("/api/v1/persons?lastName=Zeroualiqa", "X-Purpose", "REGISTER_MANAGEMENT");
		assertThat(page.status()).as(page.raw()).isEqualTo(200);

		assertThat(reads(entries("recordType=PERSON&recordId=" + first))).hasSize(1);
		assertThat(reads(entries("recordType=PERSON&recordId=" + second))).hasSize(1);
	}

	@Test
	void readsArrivingInParallelMakeOneUnbrokenChain() throws InterruptedException {
		List<String> people = java.util.stream.IntStream.range(0, 400).mapToObj(i -> idcs()).toList();
		try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			people.forEach(p -> threads.submit(() -> trail.record("agent-" + p.hashCode() % 7, AuditEntry.Action.READ,
					"PERSON", p, "ELIGIBILITY_CHECK")));
		}
		trail.flush();

		List<Long> seqs = jdbc.sql("select seq from audit_entry where record_id = any(?) order by seq")
			.param(people.toArray(String[]::new)).query(Long.class).list();
		assertThat(seqs).hasSize(400).doesNotHaveDuplicates();
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void theApiDescriptionShowsThePurposeHeaderOfAnAuditedEndpointWithItsDefault() {
		JsonNode parameters = api.get("/v3/api-docs").body().path("paths").path("/api/v1/members/{registrationNumber}")
			.path("get").path("parameters");

		assertThat(parameters.valueStream().filter(p -> p.path("name").asString().equals("X-Purpose")).toList())
			.singleElement()
			.satisfies(p -> assertThat(p.path("schema").path("default").asString()).isEqualTo("MEMBER_MANAGEMENT"));
	}

	@Test
	void aPurposeThatIsNotACodeIsRefusedBeforeAnythingIsRead() {
		Api.Response refused = api.get("/api/v1/members/000000000", "X-Purpose", "just looking");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("X-Purpose");
	}

	@Test
	void searchesByDatesAndRefusesADateThatIsNotOne() {
		String registration = member(idcs());

		assertThat(entries("recordId=" + registration + "&from=" + LocalDate.now(RealTime.CLOCK).minusDays(1)).path("totalElements")
			.asLong()).isEqualTo(1);
		assertThat(entries("recordId=" + registration + "&to=2020-01-01").path("totalElements").asLong()).isZero();
		Api.Response refused = officer.get("/api/v1/audit-entries?from=yesterday");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("from");
	}

	@Test
	void exportsTheEntriesOfARecordAsCsv() {
		String registration = member(idcs());
		api.get("/api/v1/members/" + registration);

		Api.Response csv = officer.get("/api/v1/audit-entries/export?recordId=" + registration);

		assertThat(csv.status()).isEqualTo(200);
		List<String> lines = csv.raw().lines().toList();
		assertThat(lines.getFirst()).isEqualTo("seq,at,actor,action,record_type,record_id,purpose,hash");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).contains(",admin,CHANGE,MEMBER," + registration + ",MEMBER_MANAGEMENT,");
		assertThat(lines.get(2)).contains(",admin,READ,MEMBER," + registration + ",MEMBER_MANAGEMENT,");
	}

	@Test
	void anUpdateOrDeleteThroughSqlIsRefusedByTheTrigger() {
		trail.record("dpo", AuditEntry.Action.READ, "PERSON", idcs(), "AUDIT");
		trail.flush();
		long last = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();

		assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'nobody' where seq = ?").param(last).update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?").param(last).update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void aRowEditedWithTheTriggersDisabledIsReportedByTheVerification() {
		String idcs = idcs();
		trail.record("agent-7", AuditEntry.Action.READ, "PERSON", idcs, "ELIGIBILITY_CHECK");
		trail.record("agent-8", AuditEntry.Action.READ, "PERSON", idcs(), "ELIGIBILITY_CHECK");
		trail.flush();
		long edited = jdbc.sql("select seq from audit_entry where record_id = ?").param(idcs).query(Long.class).single();
		assertThat(trail.verify().intact()).isTrue();

		// As someone with the database's rights would: the triggers off for their session, then an edit.
		asReplica("update audit_entry set actor = 'agent-9' where seq = " + edited);
		try {
			Verification verification = trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenAt()).isEqualTo(edited);
			assertThat(verification.problem()).contains("does not match its hash");
		}
		finally {
			asReplica("update audit_entry set actor = 'agent-7' where seq = " + edited);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void aRowDeletedWithTheTriggersDisabledIsReportedByTheVerification() {
		String idcs = idcs();
		trail.record("agent-7", AuditEntry.Action.READ, "PERSON", idcs, "ELIGIBILITY_CHECK");
		trail.record("agent-7", AuditEntry.Action.READ, "PERSON", idcs(), "ELIGIBILITY_CHECK");
		trail.flush();
		AuditEntry removed = trail.search(new AuditSearch(null, null, idcs, null, null, null), 0, 1).content()
			.getFirst();
		asReplica("delete from audit_entry where seq = " + removed.seq());
		try {
			Verification verification = trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenAt()).isEqualTo(removed.seq() + 1);
			assertThat(verification.problem()).contains("missing");
		}
		finally {
			asReplica("""
					insert into audit_entry (seq, at, actor, action, record_type, record_id, purpose, hash)
					values (%d, '%s', '%s', '%s', '%s', '%s', '%s', '%s')""".formatted(removed.seq(), removed.at(),
					removed.actor(), removed.action(), removed.recordType(), removed.recordId(), removed.purpose(),
					removed.hash()));
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void theVerificationNamesTheLastLineSoThatItCanBeKeptOutsideTheDatabase() {
		trail.record("agent-3", AuditEntry.Action.READ, "PERSON", idcs(), "ELIGIBILITY_CHECK");

		JsonNode verification = officer.get("/api/v1/audit-entries/verification").body();

		AuditEntry last = trail.search(new AuditSearch(null, null, null, null, null, null), 0, 1).content().getFirst();
		assertThat(verification.path("intact").asBoolean()).isTrue();
		assertThat(verification.path("lastSeq").asLong()).isEqualTo(last.seq());
		assertThat(verification.path("lastHash").asString()).isEqualTo(last.hash());
	}

	@Test
	void aPurgeRemovesTheOlderRowsAndKeepsTheChainVerifiable() throws InterruptedException {
		String old = idcs();
		String kept = idcs();
		trail.record("agent-1", AuditEntry.Action.READ, "PERSON", old, "ELIGIBILITY_CHECK");
		trail.flush();
		Thread.sleep(5);
		Instant horizon = Instant.now(RealTime.CLOCK);
		Thread.sleep(5);
		trail.record("agent-1", AuditEntry.Action.READ, "PERSON", kept, "ELIGIBILITY_CHECK");

		AuditTrail.Purge purge = trail.purge(horizon, "dpo");

		assertThat(purge.purged()).isPositive();
		assertThat(trail.search(new AuditSearch(null, null, old, null, null, null), 0, 10).totalElements()).isZero();
		assertThat(trail.search(new AuditSearch(null, null, kept, null, null, null), 0, 10).totalElements()).isOne();
		assertThat(trail.search(new AuditSearch("dpo", "AUDIT_TRAIL", null, null, null, null), 0, 10).content())
			.anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditEntry.Action.PURGE));
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void thePurgeEndpointAppliesTheRetentionParameter() {
		Api.Response purge = officer.post("/api/v1/audit-entries/purges", "");

		assertThat(purge.status()).as(purge.raw()).isEqualTo(200);
		int years = Integer.parseInt(api.get("/api/v1/parameters/audit.retention-years?date=" + LocalDate.now(clock))
			.body().path("valueOnDate").asString());
		assertThat(Instant.parse(purge.body().path("horizon").asString()))
			.isBefore(Instant.now(clock).minus(java.time.Duration.ofDays(365L * years - 2)));
		assertThat(officer.get("/api/v1/audit-entries/verification").body().path("intact").asBoolean()).isTrue();
	}

	private void asReplica(String sql) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql(sql).update();
		});
	}
}
