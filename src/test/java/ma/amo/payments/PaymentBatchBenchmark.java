package ma.amo.payments;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import ma.amo.AmoApplication;
import ma.amo.shared.CopyText;
import ma.amo.shared.FieldCipher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of a payment batch in process: {@code -Dbenchmark.payees} members (default 500,000), each with a bank
 * account and one approved claim of 70.00 MAD, loaded by COPY; then, each step timed with the peak heap it reached
 * (sum of the heap pools' peaks, reset before the step): the batch prepared (one transfer per payee), approved by a
 * second account, the claims marked PAID by the claims module on its event, the pain.001.001.09 file written to
 * {@code target/payment-benchmark/}, and pain.002.001.10 status reports of every transfer (1 % rejected AC04),
 * 200,000 lines a file, imported. The business clock is fixed; the embedded PostgreSQL lives in {@code target/payment-benchmark} and is
 * wiped at start.
 *
 * <p>{@code ./mvnw -q test-compile exec:exec@payment-benchmark -Dbenchmark.payees=500000}
 */
public final class PaymentBatchBenchmark {

	private static final String NOW = "2026-06-15T10:00:00";

	/** The lines of one status report: within the 50 MB a return file may weigh. */
	private static final int REPORT_LINES = 200_000;

	private PaymentBatchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int payees = Integer.parseInt(System.getProperty("benchmark.payees", "500000"));
		Path out = Path.of("target/payment-benchmark");
		Files.createDirectories(out);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AmoApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--amo.embedded-postgres.data-directory=target/payment-benchmark/postgres",
					"--amo.embedded-postgres.clean=true", "--amo.embedded-postgres.port=0", "--amo.demo.enabled=false",
					"--amo.clock.fixed=" + NOW, "--logging.level.ma.amo=warn")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			long started = System.nanoTime();
			seed(jdbc, transaction, context.getBean(DataSource.class), context.getBean(FieldCipher.class), payees);
			report("(set-up) claims and bank accounts loaded by COPY", payees, started);

			PaymentBatches batches = context.getBean(PaymentBatches.class);
			Step<Long> prepared = step("batch prepared: claims locked, accounts read, transfers and claims written", payees,
					() -> batches.create("tresorerie", "bench-1", "CNSS", LocalDate.of(2026, 6, 15)).batch().id());
			long id = prepared.result();
			step("batch approved by a second account (the claims' event published)", payees,
					() -> batches.approve(id, "controle").batch().id());
			step("claims marked PAID by the claims module on the event", payees, () -> {
				finished(jdbc);
				return jdbc.sql("select count(*) from claim where status = 'PAID'").query(Long.class).single();
			});
			Path pain001 = out.resolve("pain.001.xml");
			CreditTransferFile file = context.getBean(CreditTransferFile.class);
			step("pain.001.001.09 written to a file", payees, () -> {
				try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(pain001),
						StandardCharsets.UTF_8), 1 << 16)) {
					file.write(id, writer);
				}
				return Files.size(pain001);
			});
			System.out.printf("  pain.001 file: %,d bytes%n", Files.size(pain001));
			String reference = jdbc.sql("select reference from payment_batch where id = ?").param(id).query(String.class)
				.single();
			List<String> payeeIds = jdbc.sql("select payee from payment_order where batch_id = ? order by payee").param(id)
				.query(String.class).list();
			// A file is at most 50 MB: the bank's return of a large batch comes as several reports of 200,000 lines.
			List<byte[]> reports = new java.util.ArrayList<>();
			for (int from = 0; from < payeeIds.size(); from += REPORT_LINES) {
				reports.add(statusReport(reports.size() + 1, reference,
						payeeIds.subList(from, Math.min(payeeIds.size(), from + REPORT_LINES))));
			}
			System.out.printf("  pain.002 files: %d, %,d bytes%n", reports.size(),
					reports.stream().mapToLong(r -> r.length).sum());
			BankReturns returns = context.getBean(BankReturns.class);
			step("pain.002.001.10 imported: every transfer settled or rejected (1 %), claims released", payees, () -> {
				for (byte[] report : reports) {
					System.out.println("  " + returns.importFile("controle", report));
				}
				return reports.size();
			});
			step("rejected claims put back to payable by the claims module on its events", payees / 100,
					() -> finished(jdbc));
		}
	}

	/** Waits until every event published is handled by its listeners; answers how many are. */
	private static long finished(JdbcClient jdbc) throws InterruptedException {
		while (jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
			.single() > 0) {
			Thread.sleep(200);
		}
		return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
	}

	/** A status report of every transfer: settled, and one in a hundred rejected for a closed account. */
	private static byte[] statusReport(int number, String reference, List<String> payees) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(payees.size() * 200);
		try (Writer xml = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"><CstmrPmtStsRpt>"
					+ "<GrpHdr><MsgId>BANK-BENCH-" + number + "</MsgId><CreDtTm>2026-06-16T09:00:00+01:00</CreDtTm></GrpHdr>"
					+ "<OrgnlGrpInfAndSts><OrgnlMsgId>" + reference + "</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>"
					+ "<OrgnlPmtInfAndSts><OrgnlPmtInfId>" + reference + "</OrgnlPmtInfId>");
			for (int i = 0; i < payees.size(); i++) {
				boolean rejected = i % 100 == 99;
				xml.write("<TxInfAndSts><OrgnlEndToEndId>" + reference + "-" + payees.get(i) + "</OrgnlEndToEndId><TxSts>"
						+ (rejected ? "RJCT" : "ACSC") + "</TxSts>"
						+ (rejected ? "<StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf>" : "")
						+ "<OrgnlTxRef><Amt><InstdAmt Ccy=\"MAD\">70.00</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts>");
			}
			xml.write("</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>");
		}
		return bytes.toByteArray();
	}

	/** One approved member claim and one bank account per payee, written by COPY in one transaction. */
	private static void seed(JdbcClient jdbc, TransactionTemplate transaction, DataSource dataSource, FieldCipher cipher,
			int payees) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into claim (kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on,
					  executing_inpe, status, regime, billed, covered, patient_share, state_share, payer_body, member_idcs,
					  decided_at)
					select 'MEMBER_REIMBURSEMENT', 'benchmark', 'k' || i, 'h', p, date '2026-06-01', date '2026-06-02',
					  'BENCH', 'APPROVED', 'SALARIED_PRIVATE', 100, 70, 30, 0, 'CNSS', p, timestamptz '2026-06-10 12:00:00+01'
					from (select i, 'B' || lpad(i::text, 10, '0') as p from generate_series(1, ?) i) s""")
				.param(payees).update();
			CopyText rows = new CopyText();
			for (int i = 1; i <= payees; i++) {
				String first22 = "011" + "780" + String.format("%016d", i);
				rows.add("MEMBER").add("B" + String.format("%010d", i)).add(cipher.encrypt(first22 + Rib.keyOf(first22)))
					.add("011").add("2026-01-01").add("benchmark").add("2026-01-01 00:00:00+01").end();
				if (rows.bufferedBytes() > 8 << 20) {
					rows.copyInto(dataSource, "bank_account (payee_kind, payee, rib, bank_code, valid_from, recorded_by, recorded_at)");
				}
			}
			rows.copyInto(dataSource, "bank_account (payee_kind, payee, rib, bank_code, valid_from, recorded_by, recorded_at)");
		});
		jdbc.sql("vacuum analyze claim").update();
		jdbc.sql("vacuum analyze bank_account").update();
	}

	interface Work<T> {
		T run() throws Exception;
	}

	record Step<T>(T result) {
	}

	private static <T> Step<T> step(String name, int count, Work<T> work) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP).toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long started = System.nanoTime();
		T result = work.run();
		double seconds = (System.nanoTime() - started) / 1e9;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.out.printf("%-95s %,9d %7.1f s %,9.0f /s  peak heap %,6d MB%n", name, count, seconds, count / seconds,
				peak >> 20);
		return new Step<>(result);
	}

	private static void report(String name, int count, long started) {
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("%-95s %,9d %7.1f s %,9.0f /s%n", name, count, seconds, count / seconds);
	}
}
