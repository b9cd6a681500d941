package ma.amo.claims;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import ma.amo.AmoApplication;
import ma.amo.approvals.ApprovalRequest;
import ma.amo.approvals.BenchmarkApprovals;
import ma.amo.approvals.CareType;
import ma.amo.shared.CopyText;
import ma.amo.tariffs.MedicineReferentials;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of claims in process: on the demo population (persons as {@code -Dbenchmark.persons}, default 100,000,
 * with its private sector), submits {@code -Dbenchmark.claims} claims (default 50,000) of a realistic mix (GP
 * consultations, specialist consultations with referral, pharmacy sheets of the sample medicines referential, imaging,
 * laboratory sheets, and 3 % of provider invoices for care that needs a prior approval) for members and dependants
 * with open rights, then adjudicates the received queue with two workers, everything persisted. The first
 * {@code -Dbenchmark.submitted} claims (default 20,000) go through the submission facade and are timed; the rest of
 * the queue is loaded by COPY.
 *
 * <p>The provider invoices cite approvals of the platform's registry, asked by the clinic and granted by a medical
 * reviewer through the approvals module before any claim is submitted ({@link BenchmarkApprovals}): surgery
 * (appendicectomy, hernia) and childbirth stays, one invoice each, and physiotherapy and speech-therapy series, one
 * invoice per session, one series in eight invoicing a session more than granted. Adjudication uses them: each line
 * deducts its covered amount and a session. The business clock is fixed at {@value #NOW}, after the last filing
 * date, so that a run does not depend on its day; approvals are asked at that moment for care of the 30 days before,
 * as far back as a request may go.
 *
 * <p>{@code ./mvnw -q test-compile exec:exec@claim-benchmark}; the embedded PostgreSQL lives in
 * {@code target/claim-benchmark} and is wiped at start.
 */
public final class ClaimBenchmark {

	private static final String NOW = "2026-11-05T10:00:00";
	private static final LocalDate CARE = LocalDate.of(2026, 10, 15);
	/** The first day of care a request filed at {@link #NOW} may ask for. */
	private static final LocalDate APPROVED_CARE = LocalDate.of(2026, 10, 6);
	/** The business day of {@link #NOW}: no claim is filed later. */
	private static final LocalDate LAST_FILED = LocalDate.of(2026, 11, 5);
	/** Draws from this one on are provider invoices for care that needs a prior approval. */
	private static final double INVOICES = 0.97;
	private static final ClaimRequest.Attachment PRESCRIPTION = new ClaimRequest.Attachment(
			ClaimRequest.AttachmentType.PRESCRIPTION, "ordonnance.pdf", 1, null);
	private static final ClaimRequest.Attachment INVOICE = new ClaimRequest.Attachment(
			ClaimRequest.AttachmentType.INVOICE, "facture.pdf", 2, null);
	private static final String[] MEDICINES = { "6118000010050", "6118000010159", "6118000010227", "6118000010371" };

	private ClaimBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int persons = Integer.parseInt(System.getProperty("benchmark.persons", "100000"));
		int count = Integer.parseInt(System.getProperty("benchmark.claims", "50000"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AmoApplication.class)
			// The authorization server's configuration needs a web context: the platform listens on a free port.
			.web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--amo.embedded-postgres.data-directory=target/claim-benchmark/postgres",
					"--amo.embedded-postgres.clean=true", "--amo.embedded-postgres.port=0", "--amo.demo.enabled=true",
					// The claims measured are the benchmark's own, on its own referentials: not the demo's year of care.
					"--amo.demo.activity=false",
					"--amo.demo.persons=" + persons, "--amo.population.import-directory=target/claim-benchmark/imports",
					"--amo.clock.fixed=" + NOW, "--logging.level.ma.amo=warn")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			MedicineReferentials referentials = context.getBean(MedicineReferentials.class);
			try (InputStream sample = ClaimBenchmark.class.getResourceAsStream("/referentials/medicines-referential-sample.csv")) {
				referentials.decide(referentials.propose(sample, false, "sample.csv", LocalDate.of(2024, 1, 1), "maker")
					.referential().id(), "checker", true);
			}
			// Members and their dependants: both are patients.
			List<String> patients = jdbc.sql("""
					with covered as (select m.id, m.idcs from member m join enrolment e on e.member_id = m.id
					  where e.regime in ('SALARIED_PRIVATE', 'PUBLIC_SECTOR', 'TADAMON', 'SELF_EMPLOYED')
					    and e.start_date < '2025-01-01' and e.end_date is null)
					select idcs from covered
					union all select d.idcs from dependant d join covered c on c.id = d.member_id where d.end_date is null
					order by 1""").query(String.class).list();
			System.out.printf("%,d patients (members and dependants)%n", patients.size());
			List<String> gps = inpes(jdbc, "select inpe from professional where profession = 'GENERAL_PRACTITIONER'");
			List<String> specialists = inpes(jdbc, "select inpe from professional where profession = 'SPECIALIST'");
			List<String> pharmacies = inpes(jdbc, "select inpe from establishment where category = 'PHARMACY'");
			List<String> radiology = inpes(jdbc, "select inpe from establishment where category = 'RADIOLOGY'");
			List<String> laboratories = inpes(jdbc, "select inpe from establishment where category = 'LABORATORY'");
			List<String> clinics = inpes(jdbc, "select e.inpe from establishment e join convention c on c.inpe = e.inpe where e.category = 'CLINIC'");
			ClaimAdjudication claims = context.getBean(ClaimAdjudication.class);
			Random random = new Random(2026);
			// The kind of each claim is drawn first, so that the invoices needing an approval are counted, and their
			// approvals granted, before any claim is submitted.
			Random kinds = new Random(7);
			int invoices = 0;
			for (int i = 0; i < count; i++) {
				invoices += kinds.nextDouble() >= INVOICES ? 1 : 0;
			}
			kinds = new Random(7);
			BenchmarkApprovals approvals = new BenchmarkApprovals(context);
			long started = System.nanoTime();
			Planned planned = plan(random, invoices, patients, clinics);
			List<String> references = approvals.approve(planned.wanted(), 2);
			double approving = (System.nanoTime() - started) / 1e9;
			System.out.printf("%-60s %,9d approvals %7.1f s %,8.0f approvals/s%n",
					"prior approvals asked and decided through the service, 2 workers", references.size(), approving,
					references.size() / approving);
			Iterator<ClaimRequest> cited = planned.invoices(references, random).iterator();
			long lines = 0;
			int submitted = Math.min(count, Integer.parseInt(System.getProperty("benchmark.submitted", "20000")));
			started = System.nanoTime();
			for (int i = 0; i < submitted; i++) {
				ClaimRequest request = claim(random, kinds.nextDouble(), patients.get(random.nextInt(patients.size())), gps,
						specialists, pharmacies, laboratories, radiology, cited);
				lines += request.lines().size();
				claims.submit("benchmark", UUID.randomUUID().toString(), request);
			}
			report("submissions through the facade, one transaction each", submitted, lines, started);
			started = System.nanoTime();
			Random seedKinds = kinds;
			lines += seed(jdbc, context.getBean(DataSource.class), count - submitted, () -> claim(random,
					seedKinds.nextDouble(), patients.get(random.nextInt(patients.size())), gps, specialists, pharmacies,
					laboratories, radiology, cited));
			report("the rest of the queue loaded by COPY (not measured as submission)", count - submitted, 0, started);
			jdbc.sql("vacuum analyze claim").update();
			jdbc.sql("vacuum analyze claim_line").update();

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
			printApprovalUse(jdbc, claims, lines);
			approvals.printRegistry();
		}
	}

	/**
	 * The share of lines that used an approval, and the acts of invoices citing one of the registry that did not use
	 * it, with a few of their reasons.
	 */
	private static void printApprovalUse(JdbcClient jdbc, ClaimAdjudication claims, long lines) {
		long used = jdbc.sql("select count(*) from prior_approval_use").query(Long.class).single();
		System.out.printf("lines that used a prior approval: %,d of %,d (%.2f %%)%n", used, lines, 100.0 * used / lines);
		// Those that did not: a clinic suspended on the day of care, sessions beyond the grant, or an approval the
		// pre-check rejected.
		long citing = jdbc.sql("""
				select count(*) from claim c join claim_line l on l.claim_id = c.id
				where c.prior_approval like 'PA-%' and l.act_code is not null""").query(Long.class).single();
		System.out.printf("acts of invoices citing an approval of the registry: %,d, %,d of them did not use it%n",
				citing, citing - used);
		record Refused(long claim, String act) {
		}
		jdbc.sql("""
				select c.id, l.act_code from claim c join claim_line l on l.claim_id = c.id
				where c.prior_approval like 'PA-%' and l.act_code is not null and not exists (select 1 from
				  prior_approval_use u where u.claim_id = c.id and u.code = l.act_code)
				order by c.id limit 3""").query((rs, n) -> new Refused(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(refused -> claims.claim(refused.claim()).lines().stream()
				.filter(line -> refused.act().equals(line.actCode()))
				.forEach(line -> System.out.println("  for example " + line.actCode() + ": " + line.reasons())));
	}

	private static ClaimRequest claim(Random random, double draw, String patient, List<String> gps,
			List<String> specialists, List<String> pharmacies, List<String> laboratories, List<String> radiology,
			Iterator<ClaimRequest> cited) {
		if (draw >= INVOICES) {
			return cited.next();
		}
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
		if (draw < 0.77) {
			List<ClaimRequest.Line> lines = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(4); i++) {
				lines.add(new ClaimRequest.Line(null, null, MEDICINES[i], 1 + random.nextInt(2), new BigDecimal("60.00")));
			}
			return sheet(patient, care, filed, pick(random, pharmacies), false, null, null, lines);
		}
		if (draw < 0.87) {
			// A laboratory sheet: biology (key letter B, shipped without a value, so rejected with that reason until
			// the payer sets it) and an anatomical pathology act (P 1.10).
			List<ClaimRequest.Line> lines = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(3); i++) {
				lines.add(new ClaimRequest.Line("B", BigDecimal.valueOf(40 + 20 * random.nextInt(5)), null, null, new BigDecimal("100")));
			}
			lines.add(new ClaimRequest.Line("P", new BigDecimal("100"), null, null, new BigDecimal("110")));
			return sheet(patient, care, filed, pick(random, laboratories), false, null, null, lines);
		}
		return sheet(patient, care, filed, pick(random, radiology), false, null, null,
				List.of(new ClaimRequest.Line("Z", new BigDecimal("15"), null, null, new BigDecimal("150"))));
	}

	/** One invoice to come: the approval it cites (its index among those wanted), its day of care and its lines. */
	private record Invoice(int approval, String patient, String clinic, LocalDate care, List<ClaimRequest.Line> lines) {
	}

	/** The approvals to ask for, and the invoices that will cite them. */
	private record Planned(List<BenchmarkApprovals.Wanted> wanted, List<Invoice> invoices, int needed) {

		/** The invoices, as many as the draws asked for, in random order, each citing its approval's reference. */
		List<ClaimRequest> invoices(List<String> references, Random random) {
			List<ClaimRequest> requests = new ArrayList<>();
			for (Invoice i : invoices) {
				LocalDate filed = i.care().plusDays(1 + random.nextInt(7));
				filed = filed.isAfter(LAST_FILED) ? LAST_FILED : filed;
				requests.add(new ClaimRequest(ClaimKind.PROVIDER_INVOICE, i.patient(), i.care(), filed, i.clinic(), null,
						i.clinic(), null, null, true, references.get(i.approval()), List.of(INVOICE), i.lines()));
			}
			Collections.shuffle(requests, random);
			return requests.subList(0, needed);
		}
	}

	/**
	 * Plans approvals until they give {@code needed} invoices: surgery and childbirth stays (one invoice each, the act
	 * and a medicine), physiotherapy series of 10 sessions and speech-therapy series of 8 (one invoice per session,
	 * every other day). Every eighth series invoices a session more than granted: that invoice finds the approval
	 * used up.
	 */
	private static Planned plan(Random random, int needed, List<String> patients, List<String> clinics) {
		List<BenchmarkApprovals.Wanted> wanted = new ArrayList<>();
		List<Invoice> invoices = new ArrayList<>();
		int series = 0;
		while (invoices.size() < needed) {
			String patient = pick(random, patients);
			String clinic = pick(random, clinics);
			LocalDate start = APPROVED_CARE.plusDays(random.nextInt(10));
			double draw = random.nextDouble();
			int index = wanted.size();
			if (draw < 0.80) {
				boolean birth = draw >= 0.55;
				ClaimRequest.Line act = birth ? new ClaimRequest.Line("ACCOUCHEMENT", null, null, null, new BigDecimal("4000"))
						: random.nextBoolean() ? new ClaimRequest.Line("APPENDICECTOMIE", null, null, null, new BigDecimal("3000"))
						: new ClaimRequest.Line("HERNIE", null, null, null, new BigDecimal("3500"));
				wanted.add(new BenchmarkApprovals.Wanted(patient, clinic, birth ? CareType.HOSPITAL_STAY : CareType.SURGERY,
						start, birth ? 2 + random.nextInt(2) : null, null, List.of(estimated(act)), start.plusDays(30)));
				invoices.add(new Invoice(index, patient, clinic, start,
						List.of(act, new ClaimRequest.Line(null, null, MEDICINES[0], 2, new BigDecimal("53.60")))));
				continue;
			}
			boolean physiotherapy = draw < 0.94;
			ClaimRequest.Line session = new ClaimRequest.Line(physiotherapy ? "AMM" : "AMO", null, null, null,
					new BigDecimal("50.00"));
			int sessions = physiotherapy ? 10 : 8;
			wanted.add(new BenchmarkApprovals.Wanted(patient, clinic, physiotherapy ? CareType.PHYSIOTHERAPY
					: CareType.SPEECH_THERAPY, start, null, sessions, List.of(estimated(session)), start.plusDays(30)));
			int invoiced = series++ % 8 == 7 ? sessions + 1 : sessions;
			for (int s = 0; s < invoiced; s++) {
				invoices.add(new Invoice(index, patient, clinic, start.plusDays(2L * s), List.of(session)));
			}
		}
		return new Planned(wanted, invoices, needed);
	}

	private static ApprovalRequest.Line estimated(ClaimRequest.Line line) {
		return new ApprovalRequest.Line(line.actCode(), line.coefficient(), line.medicineCode(), line.quantity(),
				line.billed());
	}

	/**
	 * Stores {@code count} more received claims as the submission would, in bulk: the adjudication benchmark needs a
	 * million claims waiting, and submitting them one by one would take longer than adjudicating them.
	 */
	private static long seed(JdbcClient jdbc, DataSource dataSource, int count, java.util.function.Supplier<ClaimRequest> next) {
		long lines = 0;
		for (int done = 0; done < count; done += 50_000) {
			int size = Math.min(50_000, count - done);
			long first = jdbc.sql("select nextval('claim_id_seq')").query(Long.class).single();
			jdbc.sql("select setval('claim_id_seq', ?)").param(first + size).query(Long.class).single();
			CopyText claimRows = new CopyText();
			CopyText lineRows = new CopyText();
			CopyText eventRows = new CopyText();
			for (int i = 0; i < size; i++) {
				long id = first + i;
				ClaimRequest r = next.get();
				BigDecimal billed = r.lines().stream().map(ClaimRequest.Line::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
				claimRows.add(id).add(r.kind()).add("benchmark").add("seed-" + id).add("seed").add(r.patientIdcs())
					.add(r.careDate()).add(r.filedOn()).add(r.executingInpe()).add(r.prescriberInpe())
					.add(r.establishmentInpe()).add(Boolean.TRUE.equals(r.referral())).add(r.priorApproval())
					.add(r.attachments().size()).add("RECEIVED").add(billed).end();
				for (int l = 0; l < r.lines().size(); l++) {
					ClaimRequest.Line line = r.lines().get(l);
					lineRows.add(id).add(l).add(line.actCode()).add(line.coefficient()).add(line.medicineCode())
						.add(line.quantity()).add(line.billed()).end();
					lines++;
				}
				eventRows.add(id).add("RECEIVED").add("benchmark").end();
			}
			claimRows.copyInto(dataSource, """
					claim (id, kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on, executing_inpe,
					  prescriber_inpe, establishment_inpe, referral, prior_approval, attachments, status, billed)""");
			lineRows.copyInto(dataSource, "claim_line (claim_id, line_no, act_code, coefficient, medicine_code, quantity, billed)");
			eventRows.copyInto(dataSource, "claim_event (claim_id, status, actor)");
		}
		return lines;
	}

	private static ClaimRequest sheet(String patient, LocalDate care, LocalDate filed, String executing, boolean referral,
			String establishment, String approval, List<ClaimRequest.Line> lines) {
		return new ClaimRequest(ClaimKind.MEMBER_REIMBURSEMENT, patient, care, filed, executing, null, establishment, null,
				null, referral, approval, List.of(PRESCRIPTION), lines);
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
