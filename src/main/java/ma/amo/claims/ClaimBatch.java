package ma.amo.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.SpringApplication;
import org.springframework.stereotype.Component;

/**
 * The batch run of the received queue, started with {@code --amo.claims.batch.run=true}: as many workers as set
 * ({@code amo.claims.batch.workers}, default 2) take claims oldest first until none is left, then the platform
 * stops. The patients are shared out between the workers; each chunk of claims is adjudicated in one transaction with
 * the claims' new status, so a run killed at any point and started again adjudicates every claim exactly once.
 */
@Component
@ConditionalOnProperty(name = "amo.claims.batch.run", havingValue = "true")
class ClaimBatch implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ClaimBatch.class);
	private static final int CHUNK = 200;

	private final ClaimAdjudication adjudication;
	private final Settings settings;
	private final ConfigurableApplicationContext context;

	ClaimBatch(ClaimAdjudication adjudication, Settings settings, ConfigurableApplicationContext context) {
		this.adjudication = adjudication;
		this.settings = settings;
		this.context = context;
	}

	/** @param workers how many claims are adjudicated at once */
	@ConfigurationProperties("amo.claims.batch")
	record Settings(boolean run, int workers) {
		Settings {
			workers = workers <= 0 ? 2 : workers;
		}
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(settings.workers());
		List<Future<Integer>> workers = new ArrayList<>();
		for (int i = 0; i < settings.workers(); i++) {
			int worker = i;
			workers.add(pool.submit(() -> {
				int done = 0;
				int round;
				while ((round = adjudication.adjudicateChunk(worker, settings.workers(), CHUNK)) > 0) {
					done += round;
				}
				return done;
			}));
		}
		int done = 0;
		for (Future<Integer> worker : workers) {
			done += worker.get();
		}
		pool.shutdown();
		ClaimAdjudication.Queue queue = adjudication.queue();
		log.info("Claim batch: {} claims taken off the queue in {} ms; {} set aside for an agent (GET /api/v1/claims/set-aside)",
				done, (System.nanoTime() - started) / 1_000_000, queue.setAside());
		System.exit(SpringApplication.exit(context, () -> 0));
	}
}
