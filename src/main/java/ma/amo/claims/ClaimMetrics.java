package ma.amo.claims;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.stereotype.Component;

/**
 * The claims' metrics for an operator ({@code /actuator/prometheus}): claims received, claims adjudicated by the
 * status they reached, and the queue: claims waiting for adjudication and claims set aside for an agent. The
 * counters count since the start; the queue is read from the database at each scrape, on its partial indexes.
 */
@Component
class ClaimMetrics {

	/**
	 * Counted in Micrometer's global registry, which Spring Boot joins to its own (Prometheus among them): the
	 * adjudication counts them without another dependency to inject.
	 */
	private static final Counter RECEIVED = Counter.builder("amo.claims.received")
		.description("Claims received (repeats not counted)")
		.register(Metrics.globalRegistry);

	ClaimMetrics(MeterRegistry registry, SetAsideClaims queue) {
		Gauge.builder("amo.claims.queue", queue, SetAsideClaims::waiting)
			.description("Claims received and waiting for adjudication")
			.register(registry);
		Gauge.builder("amo.claims.set.aside", queue, SetAsideClaims::count)
			.description("Claims set aside because their adjudication failed, waiting for an agent")
			.register(registry);
	}

	static void received() {
		RECEIVED.increment();
	}

	/** Counts the adjudicated claims of a committed chunk by the status each reached. */
	static void adjudicated(List<ClaimStatus> statuses) {
		for (ClaimStatus status : statuses) {
			Counter.builder("amo.claims.adjudicated")
				.description("Claims adjudicated, by the status they reached (IN_REVIEW: sent to an agent)")
				.tag("status", status.name())
				.register(Metrics.globalRegistry)
				.increment();
		}
	}
}
