package ma.amo.claims;

import static ma.amo.support.People.cin;
import static ma.amo.support.People.idcs;
import static ma.amo.support.People.rnp;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import ma.amo.population.PopulationImports;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.support.Api;
import ma.amo.support.IntegrationTest;
import ma.amo.support.Registers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The batch run in a separate JVM against this test's PostgreSQL, killed with SIGKILL in the middle of the queue and
 * started again: every claim ends adjudicated exactly once.
 */
@IntegrationTest
class ClaimBatchRecoveryIntegrationTest {

	private static final int CLAIMS = 3_000;

	@Autowired
	PopulationImports imports;

	@Autowired
	ProviderDirectory directory;

	@Autowired
	ClaimAdjudication adjudication;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aBatchKilledMidwayAndRestartedAdjudicatesEveryClaimExactlyOnce() throws Exception {
		Api api = new Api(port);
		String gp = directory.register(new ProviderDirectory.NewProfessional("Chraibi", "Amine",
				Profession.GENERAL_PRACTITIONER, null, "Fès-Meknès", "Fès", "Fès (Mun.)"), LocalDate.of(2020, 1, 1)).inpe();
		List<String> patients = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String idcs = idcs();
			Registers.persons(imports, rnp(idcs, cin(), "Fassi", "Hind", LocalDate.of(1980, 1, 1), 'F'));
			api.post("/api/v1/enrolments", "{\"idcs\":\"%s\",\"regime\":\"SALARIED_PRIVATE\",\"startDate\":\"2024-01-01\",\"waitingWaived\":true}"
				.formatted(idcs));
			patients.add(idcs);
		}
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < CLAIMS; i++) {
			LocalDate care = LocalDate.of(2025, 1, 1).plusDays(i % 300);
			ids.add(adjudication.submit("lot-kill", UUID.randomUUID().toString(), new ClaimRequest(
					ClaimKind.MEMBER_REIMBURSEMENT, patients.get(i % patients.size()), care, care.plusDays(3), gp, null, null,
					null, null, false, null, List.of(), List.of(new ClaimRequest.Line("C", null, null, null, new BigDecimal("80"))))).claim().id());
		}

		Process first = batch();
		long adjudicated = 0;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (adjudicated < 200 && first.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(20);
			adjudicated = adjudicatedAmong(ids);
		}
		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long atKill = adjudicatedAmong(ids);
		assertThat(atKill).as("the batch was killed in the middle of the queue").isPositive().isLessThan(CLAIMS);

		Process second = batch();
		assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
		assertThat(second.exitValue()).isZero();
		assertThat(adjudicatedAmong(ids)).isEqualTo(CLAIMS);
		assertThat(jdbc.sql("""
				select count(*) from (select claim_id from claim_event where claim_id = any(?) and status = 'ADJUDICATED'
				group by claim_id having count(*) <> 1) twice""").param(ids.toArray(Long[]::new)).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from claim_line where claim_id = any(?) and outcome is null")
			.param(ids.toArray(Long[]::new)).query(Long.class).single()).isZero();
	}

	private long adjudicatedAmong(List<Long> ids) {
		return jdbc.sql("select count(*) from claim where id = any(?) and status <> 'RECEIVED'")
			.param(ids.toArray(Long[]::new)).query(Long.class).single();
	}

	/** The platform in batch mode, in its own JVM, on this test's database. */
	private Process batch() throws Exception {
		String port = jdbc.sql("select current_setting('port')").query(String.class).single();
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "ma.amo.AmoApplication",
				"--spring.profiles.active=test", "--server.port=0", "--amo.claims.batch.run=true",
				"--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
				"--spring.datasource.username=postgres", "--amo.population.import-directory=target/test-imports-batch")
			.redirectErrorStream(true)
			.redirectOutput(new File("target/claim-batch-" + System.nanoTime() + ".log"))
			.start();
	}
}
