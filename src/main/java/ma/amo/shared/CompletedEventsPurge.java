package ma.amo.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes, nightly, the event publications whose listeners completed more than {@code amo.events.completed-retention}
 * (7 days) ago: the registry keeps every event with each of its listeners, and a day of adjudication alone adds
 * hundreds of thousands of rows. Publications not completed are never removed: they are delivered again at the next
 * start ({@code spring.modulith.events.republish-outstanding-events-on-restart}) or on an operator's request.
 */
@Component
public class CompletedEventsPurge {

	private static final Logger log = LoggerFactory.getLogger(CompletedEventsPurge.class);

	private final CompletedEventPublications completed;
	private final Duration retention;

	CompletedEventsPurge(CompletedEventPublications completed,
			@Value("${amo.events.completed-retention:7d}") Duration retention) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("amo.events.completed-retention must be a positive duration, not " + retention);
		}
		this.completed = completed;
		this.retention = retention;
	}

	/** Removes the publications completed before the retention period, as measured on the platform's clock. */
	public void run() {
		completed.deletePublicationsOlderThan(retention);
	}

	@Scheduled(cron = "0 15 3 * * *", zone = "Africa/Casablanca")
	void nightly() {
		run();
		log.info("Event publications completed more than {} ago removed", retention);
	}
}
