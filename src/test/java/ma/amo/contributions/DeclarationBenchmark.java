package ma.amo.contributions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ma.amo.AmoApplication;
import ma.amo.demo.PopulationFiles;
import ma.amo.enrolment.PortfolioLoad;
import ma.amo.enrolment.Regime;
import ma.amo.population.ImportJob;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.PopulationImports;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of a month's salaried declarations: imports one file of N lines (one per salaried member, 25 per
 * employer) and the bank statement that pays every declaration, which credits the paid days and recomputes the
 * rights history of the N members. Half the members were hired in August 2026 and wait for their 54 days: the
 * October declaration paid on 10 November opens their rights, so the recomputation changes half the histories.
 *
 * <p>{@code ./mvnw -q test-compile exec:exec@declaration-benchmark -Dbenchmark.members=1000000}; the embedded
 * PostgreSQL lives in {@code target/declaration-benchmark} and is wiped at start.
 */
public final class DeclarationBenchmark {

	private static final LocalDate MONTH = LocalDate.of(2026, 10, 1);
	private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 10);
	private static final int PER_EMPLOYER = 25;

	private DeclarationBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int members = Integer.parseInt(System.getProperty("benchmark.members", "1000000"));
		Path directory = Path.of("target/declaration-benchmark");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AmoApplication.class)
			// The authorization server's configuration needs a web context: the platform listens on a free port.
			.web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--amo.embedded-postgres.data-directory=" + directory.resolve("postgres"),
					"--amo.embedded-postgres.clean=true", "--amo.embedded-postgres.port=0", "--amo.demo.enabled=false",
					"--amo.population.import-directory=" + directory.resolve("imports"), "--logging.level.ma.amo=warn")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long started = System.nanoTime();
			// Living adults born by 2006 are about half of a generated population: generate enough for N members.
			long persons = members * 22L / 10;
			PopulationFiles.main(new String[] { Long.toString(persons), directory.toString() });
			Path rnp = directory.resolve("rnp-" + persons + ".csv");
			ImportJob job = context.getBean(PopulationImports.class).importNow(ImportKind.RNP, ImportMode.ALL_OR_NOTHING, rnp);
			report("population register", job.rowsRead(), started);

			started = System.nanoTime();
			List<String> adults = jdbc.sql("select idcs from person where birth_date <= '2006-01-01' and death_date is null order by idcs limit ?")
				.param(members).query(String.class).list();
			if (adults.size() < members) {
				throw new IllegalStateException("only " + adults.size() + " adults generated");
			}
			context.getBean(PortfolioLoad.class).load(plans(adults), loaded -> {
			});
			report("salaried portfolio with rights history", members, started);

			int employers = (members + PER_EMPLOYER - 1) / PER_EMPLOYER;
			List<String> employerNumbers = new ArrayList<>(employers);
			for (int k = 0; k < employers; k++) {
				employerNumbers.add(Employers.withCheckDigit(5_000_000L + k));
			}
			jdbc.sql("""
					insert into employer (affiliation_number, name, ice, region, commune, affiliated_on)
					select a, 'Employeur ' || n, lpad(n::text, 15, '0'), 'Casablanca-Settat', 'Casablanca (Mun.)', '2010-01-01'
					from unnest(?::text[]) with ordinality as t(a, n)""")
				.param(employerNumbers.toArray(String[]::new)).update();
			List<String> registrations = jdbc.sql("select registration_number from member order by id").query(String.class).list();
			Path file = directory.resolve("declarations-" + members + ".csv");
			try (BufferedWriter out = Files.newBufferedWriter(file)) {
				out.write("affiliation_number;month;registration_number;days;gross_salary\n");
				for (int i = 0; i < registrations.size(); i++) {
					out.write(employerNumbers.get(i / PER_EMPLOYER) + ";2026-10;" + registrations.get(i) + ";" + (22 + i % 5)
							+ ";" + (3500 + (i % 97) * 61) + "." + (i % 100 < 10 ? "0" : "") + (i % 100) + "\n");
				}
			}

			started = System.nanoTime();
			DeclarationImport.Result result;
			try (InputStream in = Files.newInputStream(file)) {
				result = context.getBean(DeclarationImport.class).load(file.getFileName().toString(), in);
			}
			if (!"ACCEPTED".equals(result.status())) {
				throw new IllegalStateException("declaration import rejected: " + result.message());
			}
			report("declaration import (" + result.declarations() + " declarations)", result.lines(), started);

			List<Payments.Keyed> payments = new ArrayList<>();
			jdbc.sql("select payer, amount from contribution_call where regime = 'SALARIED_PRIVATE' and month = ? order by payer")
				.param(MONTH)
				.query((rs, n) -> new Payments.Keyed("BENCH-" + rs.getString(1), new Payments.Request(
						ContributionCalls.PayerKind.EMPLOYER, rs.getString(1), rs.getBigDecimal(2), PAID_ON,
						Payments.Means.TRANSFER, "VIR-" + rs.getString(1), null)))
				.list().forEach(payments::add);
			started = System.nanoTime();
			Payments.Statement statement = context.getBean(Payments.class).recordStatement("BENCH", PAID_ON, payments);
			long opened = jdbc.sql("select count(*) from rights_segment where event_id = ?")
				.param(statement.rightsEventId()).query(Long.class).single();
			report("payment statement (" + statement.payments() + " payments, " + opened
					+ " rights segments changed) with the rights recomputation", members, started);
		}
	}

	/** Half long-standing employees (paid days since January 2025), half hired in August 2026 and still waiting. */
	private static Iterator<PortfolioLoad.Plan> plans(List<String> adults) {
		return new Iterator<>() {
			private int next;

			public boolean hasNext() {
				return next < adults.size();
			}

			public PortfolioLoad.Plan next() {
				int i = next++;
				boolean hired = i % 2 == 1;
				LocalDate start = hired ? LocalDate.of(2026, 8, 1) : LocalDate.of(2025, 1, 1);
				java.util.TreeMap<LocalDate, Integer> days = new java.util.TreeMap<>();
				for (LocalDate m = start; m.isBefore(MONTH); m = m.plusMonths(1)) {
					days.put(m, hired ? 20 : 22);
				}
				return new PortfolioLoad.Plan(adults.get(i), List.of(new PortfolioLoad.Period(Regime.SALARIED_PRIVATE,
						start, null, null, false, List.of())), days, List.of());
			}
		};
	}

	private static void report(String step, long rows, long startedNanos) {
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		System.out.printf("%-90s %,12d rows %8.1f s %,10.0f rows/s%n", step, rows, seconds, rows / seconds);
	}

}
