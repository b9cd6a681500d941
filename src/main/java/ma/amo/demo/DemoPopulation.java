package ma.amo.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import ma.amo.enrolment.PortfolioLoad;
import ma.amo.enrolment.PortfolioLoad.Plan;
import ma.amo.parameters.Parameters;
import ma.amo.population.ImportJob;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.PopulationImports;
import ma.amo.population.PopulationRegister;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start with an empty register, loads the demo population through the real paths: the generated RNP and
 * RSU files go through the register imports, the enrolment histories through the portfolio load. Then, when no
 * private establishment is registered, generates the private sector through the provider directory.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "amo.demo.enabled", havingValue = "true")
class DemoPopulation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);

	private final PopulationRegister register;
	private final PopulationImports imports;
	private final PortfolioLoad portfolio;
	private final Parameters parameters;
	private final Clock clock;
	private final Settings settings;
	private final ProviderDirectory directory;
	private final TransactionTemplate transaction;

	DemoPopulation(PopulationRegister register, PopulationImports imports, PortfolioLoad portfolio,
			Parameters parameters, Clock clock, Settings settings, ProviderDirectory directory,
			PlatformTransactionManager transactions) {
		this.directory = directory;
		this.transaction = new TransactionTemplate(transactions);
		this.register = register;
		this.imports = imports;
		this.portfolio = portfolio;
		this.parameters = parameters;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * @param enabled load the demo population on first start
	 * @param persons how many persons to generate
	 * @param seed the generator's seed: the same seed gives the same population
	 * @param privateSectorShare the share of the national private sector to generate
	 */
	@ConfigurationProperties("amo.demo")
	record Settings(boolean enabled, long persons, long seed, double privateSectorShare) {
		Settings {
			persons = persons <= 0 ? 20_000 : persons;
			seed = seed == 0 ? 2026 : seed;
			privateSectorShare = privateSectorShare <= 0 ? 0.05 : privateSectorShare;
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (register.isEmpty()) {
			loadPopulation();
		}
		if (directory.search(new ProviderDirectory.EstablishmentQuery(null, null, null, Sector.PRIVATE, null, null), 0, 1)
			.content().isEmpty()) {
			// The directory's registrations (each provider, its conventions, its practice) join one transaction: one
			// commit instead of some 8,000, which were most of this step's time.
			transaction.executeWithoutResult(tx -> new PrivateSector(directory, settings.seed(), LocalDate.now(clock))
				.register(settings.privateSectorShare()));
		}
		PublicHospitalStaff staff = new PublicHospitalStaff(directory, settings.seed());
		var hospitals = staff.hospitals();
		if (!staff.staffed(hospitals)) {
			transaction.executeWithoutResult(tx -> staff.register(hospitals));
		}
	}

	private void loadPopulation() {
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		log.info("Empty register: loading a demo population of {} persons", settings.persons());
		PopulationGenerator generator = new PopulationGenerator(register.idcsCheckDigit(), today, settings.seed());
		Path directory;
		try {
			directory = Files.createTempDirectory("amo-demo");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		PopulationFiles.Written files = PopulationFiles.write(generator, settings.persons(), directory);
		check(imports.importNow(ImportKind.RNP, ImportMode.ALL_OR_NOTHING, files.rnp()));
		check(imports.importNow(ImportKind.RSU, ImportMode.ALL_OR_NOTHING, files.rsu()));
		BigDecimal threshold = parameters.decimal("tadamon.rsu-threshold", today);
		long members = portfolio.load(plans(generator, settings.persons(), new EnrolmentPlans(today, threshold)),
				done -> log.debug("{} demo members loaded", done));
		try {
			Files.deleteIfExists(files.rnp());
			Files.deleteIfExists(files.rsu());
			Files.deleteIfExists(directory);
		}
		catch (IOException e) {
			log.warn("Could not delete the demo files in {}", directory, e);
		}
		log.info("Demo population loaded: {} persons, {} RSU scores, {} members in {} s", files.persons(),
				files.scores(), members, (System.nanoTime() - started) / 1_000_000_000);
	}

	private static void check(ImportJob job) {
		if (job.status() != ImportJob.Status.COMPLETED) {
			throw new IllegalStateException("demo import " + job.kind() + " failed: " + job.message());
		}
	}

	/** Generates the plans household by household on a second thread, so that memory stays bounded. */
	private static Iterator<Plan> plans(PopulationGenerator generator, long persons, EnrolmentPlans plans) {
		BlockingQueue<List<Plan>> queue = new ArrayBlockingQueue<>(1024);
		List<Plan> end = new ArrayList<>();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		Thread producer = Thread.ofPlatform().name("demo-plans").start(() -> {
			try {
				generator.generate(persons, household -> put(queue, plans.of(household)));
			}
			catch (RuntimeException e) {
				failure.set(e);
			}
			finally {
				put(queue, end);
			}
		});
		return new Iterator<>() {
			private final Deque<Plan> buffer = new ArrayDeque<>();
			private boolean finished;

			@Override
			public boolean hasNext() {
				while (buffer.isEmpty() && !finished) {
					try {
						List<Plan> next = queue.take();
						if (next == end) {
							finished = true;
							if (failure.get() != null) {
								throw new IllegalStateException("demo plans could not be generated", failure.get());
							}
						}
						buffer.addAll(next);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						producer.interrupt();
						throw new IllegalStateException("interrupted", e);
					}
				}
				return !buffer.isEmpty();
			}

			@Override
			public Plan next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return buffer.poll();
			}
		};
	}

	private static void put(BlockingQueue<List<Plan>> queue, List<Plan> plans) {
		try {
			queue.put(plans);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
