package ma.amo.audit;

import java.time.Clock;
import java.time.LocalDate;

import ma.amo.parameters.Parameters;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Applies the retention period of the audit trail (parameter {@code audit.retention-years}, in force on the day of
 * the purge): lines older than that many years before today are removed, nightly and on demand.
 */
@Service
public class RetentionPurge {

	static final String RETENTION = "audit.retention-years";

	private final AuditTrail trail;
	private final Parameters parameters;
	private final Clock clock;

	RetentionPurge(AuditTrail trail, Parameters parameters, Clock clock) {
		this.trail = trail;
		this.parameters = parameters;
		this.clock = clock;
	}

	/** The oldest moment kept today: the start of the day, that many years ago, in Morocco. */
	public java.time.Instant horizon() {
		LocalDate today = LocalDate.now(clock);
		return today.minusYears(parameters.integer(RETENTION, today)).atStartOfDay(clock.getZone()).toInstant();
	}

	public AuditTrail.Purge run(String actor) {
		return trail.purge(horizon(), actor);
	}

	@Scheduled(cron = "0 45 2 * * *", zone = "Africa/Casablanca")
	void nightly() {
		run("system");
	}
}
