package ma.amo.tariffs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ma.amo.AmoApplication;
import ma.amo.enrolment.Regime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Quote throughput in process, against the embedded PostgreSQL: a typical care sheet of four act lines (GP
 * consultation, specialist consultation, radiology Z 15, physiotherapy session) and a pharmacy sheet of four medicines
 * of the sample referential, for a salaried member in the private sector. Run:
 * {@code ./mvnw -q test-compile exec:exec@quote-benchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class QuoteBenchmark {

	private static final int LINES = 4;

	private ConfigurableApplicationContext platform;
	private Quotes quotes;
	private Quotes.Request sheet;
	private Quotes.Request pharmacy;

	@Setup
	public void start() {
		platform = new SpringApplication(AmoApplication.class).run("--spring.profiles.active=test",
				"--server.port=0", "--amo.embedded-postgres.data-directory=target/bench-quote-postgres",
				"--logging.level.root=warn", "--logging.level.ma.amo=warn");
		quotes = platform.getBean(Quotes.class);
		sheet = new Quotes.Request(Regime.SALARIED_PRIVATE, LocalDate.of(2025, 3, 10), null, "PRIVATE", false, List.of(
				new Quotes.Line("C", null, null, null, new BigDecimal("80")),
				new Quotes.Line("Cs", null, null, null, new BigDecimal("250")),
				new Quotes.Line("Z", new BigDecimal("15"), null, null, new BigDecimal("150")),
				new Quotes.Line("AMM", null, null, null, new BigDecimal("50"))));
		MedicineReferentials referentials = platform.getBean(MedicineReferentials.class);
		try (InputStream sample = QuoteBenchmark.class.getResourceAsStream("/referentials/medicines-referential-sample.csv")) {
			referentials.decide(referentials.propose(sample, false, "sample.csv", LocalDate.of(2024, 1, 1), "agent.maker")
				.referential().id(), "agent.checker", true);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		pharmacy = new Quotes.Request(Regime.SALARIED_PRIVATE, LocalDate.of(2025, 3, 10), null, "PRIVATE", false, List.of(
				new Quotes.Line(null, null, "6118000010050", 1, new BigDecimal("26.80")),
				new Quotes.Line(null, null, "6118000010159", 2, new BigDecimal("207.20")),
				new Quotes.Line(null, null, "6118000010227", 1, new BigDecimal("30")),
				new Quotes.Line(null, null, "6118000010371", 1, new BigDecimal("40"))));
	}

	@TearDown
	public void stop() {
		platform.close();
	}

	@Benchmark
	@OperationsPerInvocation(LINES)
	public Quotes.Quotation quoteACareSheetOfFourLines() {
		return quotes.quote(sheet);
	}

	@Benchmark
	@OperationsPerInvocation(LINES)
	public Quotes.Quotation quoteAPharmacySheetOfFourMedicines() {
		return quotes.quote(pharmacy);
	}
}
