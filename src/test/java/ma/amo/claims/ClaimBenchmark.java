package ma.amo.claims;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ma.amo.AmoApplication;
import ma.amo.tariffs.MedicineReferentials;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of claims in process: on the demo population (persons as {@code -Dbenchmark.persons}, default 100,000,
 * with its private sector), submits {@code -Dbenchmark.claims} claims (default 50,000) of a realistic mix (GP
 * consultations, specialist consultations with referral, pharmacy sheets of the sample medicines referential, imaging,
 * provider invoices for surgery with an approval) for members with open rights, then adjudicates the received queue
 * with two workers, everything persisted.
 *
 * <p>{@code ./mvnw -q test-compile exec:exec@claim-benchmark}; the embedded PostgreSQL lives in
 * {@code target/claim-benchmark} and is wiped at start.
 */
public final class ClaimBenchmark {

	private static final LocalDate CARE = LocalDate.of(2026, 10, 15);
	private static final String[] MEDICINES = { "6118000010050", "6118000010159", "6118000010227", "6118000010371" };

	private ClaimBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int persons = Integer.parseInt(System.getProperty("benchmark.persons", "100000"));
		int count = Integer.parseInt(System.getProperty("benchmark.claims", "50000"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AmoApplication.class)
			.web(WebApplicationType.NONE)
			.run("--amo.embedded-postgres.data-directory=target/claim-benchmark/postgres",
					"--amo.embedded-postgres.clean=true", "--amo.embedded-postgres.port=0", "--amo.demo.enabled=true",
					"--amo.demo.persons=" + persons, "--amo.population.import-directory=target/claim-benchmark/imports",
					"--logging.level.ma.amo=warn")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			MedicineReferentials referentials = context.getBean(MedicineReferentials.class);
			try (InputStream sample = ClaimBenchmark.class.getResourceAsStream("/referentials/medicines-referential-sample.csv")) {
				referentials.decide(referentials.propose(sample, false, "sample.csv", LocalDate.of(2024, 1, 1), "maker")
					.referential().id(), "checker", true);
			}
			List<String> patients = jdbc.sql("""
					select m.idcs from member m join enrolment e on e.member_id = m.id
					where e.regime in ('SALARIED_PRIVATE', 'PUBLIC_SECTOR', 'TADAMON', 'SELF_EMPLOYED')
					  and e.start_date < '2025-01-01' and e.end_date is null order by m.idcs""").query(String.class).list();
			List<String> gps = inpes(jdbc, "select inpe from professional where profession = 'GENERAL_PRACTITIONER'");
			List<String> specialists = inpes(jdbc, "select inpe from professional where profession = 'SPECIALIST'");
			List<String> pharmacies = inpes(jdbc, "select inpe from establishment where category = 'PHARMACY'");
			List<String> radiology = inpes(jdbc, "select inpe from establishment where category = 'RADIOLOGY'");
			List<String> clinics = inpes(jdbc, "select e.inpe from establishment e join convention c on c.inpe = e.inpe where e.category = 'CLINIC'");
			ClaimAdjudication claims = context.getBean(ClaimAdjudication.class);
			Random random = new Random(2026);
			long lines = 0;
			long started = System.nanoTime();
			for (int i = 0; i < count; i++) {
				ClaimRequest request = claim(random, patients.get(random.nextInt(patients.size())), gps, specialists,
						pharmacies, radiology, clinics);
				lines += request.lines().size();
				claims.submit("benchmark", UUID.randomUUID().toString(), request);
			}
			report("submissions, one transaction each", count, lines, started);

			started = System.nanoTime();
			ExecutorService workers = Executors.newFixedThreadPool(2);
			List<Future<Integer>> done = new ArrayList<>();
			for (int w = 0; w < 2; w++) {
				int worker = w;
				done.add(workers.submit(() -> {
					int adjudicated = 0;
					int round;
					while ((round = claims.adjudicateChunk(worker, 2, 200)) > 0) {
						adjudicated += round;
					}
					return adjudicated;
				}));
			}
			int adjudicated = 0;
			for (Future<Integer> f : done) {
				adjudicated += f.get();
			}
			workers.shutdown();
			report("adjudication of the received queue, 2 workers, persisted", adjudicated, lines, started);
			jdbc.sql("select status, count(*) from claim group by status order by 1").query((rs, n) -> {
				System.out.println("  " + rs.getString(1) + " " + rs.getLong(2));
				return null;
			}).list();
		}
	}

	private static ClaimRequest claim(Random random, String patient, List<String> gps, List<String> specialists,
			List<String> pharmacies, List<String> radiology, List<String> clinics) {
		double draw = random.nextDouble();
		LocalDate care = CARE.minusDays(random.nextInt(30));
		LocalDate filed = care.plusDays(1 + random.nextInt(20));
		if (draw < 0.45) {
			return sheet(patient, care, filed, pick(random, gps), false, null, null,
					List.of(new ClaimRequest.Line("C", null, null, null, new BigDecimal("80"))));
		}
		if (draw < 0.60) {
			return sheet(patient, care, filed, pick(random, specialists), true, null, null,
					List.of(new ClaimRequest.Line("Cs", null, null, null, new BigDecimal("250"))));
		}
		if (draw < 0.85) {
			List<ClaimRequest.Line> lines = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(4); i++) {
				lines.add(new ClaimRequest.Line(null, null, MEDICINES[i], 1 + random.nextInt(2), new BigDecimal("60.00")));
			}
			return sheet(patient, care, filed, pick(random, pharmacies), false, null, null, lines);
		}
		if (draw < 0.97) {
			return sheet(patient, care, filed, pick(random, radiology), false, null, null,
					List.of(new ClaimRequest.Line("Z", new BigDecimal("15"), null, null, new BigDecimal("150"))));
		}
		String clinic = pick(random, clinics);
		return new ClaimRequest(ClaimKind.PROVIDER_INVOICE, patient, care, filed, clinic, null, clinic, null, null, true,
				"PEC-2026-" + random.nextInt(1_000_000), 1, List.of(
						new ClaimRequest.Line("APPENDICECTOMIE", null, null, null, new BigDecimal("3000")),
						new ClaimRequest.Line(null, null, MEDICINES[0], 2, new BigDecimal("53.60"))));
	}

	private static ClaimRequest sheet(String patient, LocalDate care, LocalDate filed, String executing, boolean referral,
			String establishment, String approval, List<ClaimRequest.Line> lines) {
		return new ClaimRequest(ClaimKind.MEMBER_REIMBURSEMENT, patient, care, filed, executing, null, establishment, null,
				null, referral, approval, 1, lines);
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static List<String> inpes(JdbcClient jdbc, String query) {
		List<String> found = jdbc.sql(query).query(String.class).list();
		if (found.isEmpty()) {
			throw new IllegalStateException("no provider for " + query);
		}
		return found;
	}

	private static void report(String step, long claims, long lines, long startedNanos) {
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		System.out.printf("%-60s %,9d claims %,9d lines %7.1f s %,8.0f claims/s %,8.0f lines/s%n", step, claims, lines,
				seconds, claims / seconds, lines / seconds);
	}
}
