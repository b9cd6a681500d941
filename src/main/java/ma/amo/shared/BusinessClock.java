package ma.amo.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock of business dates: Morocco's time zone, whatever the server's. Every business date (today's rights, due
 * dates, deadlines, the demo's last month) is read from it. {@code amo.clock.fixed} starts it at a given date-time
 * instead of now, and it runs on from there: the test suite runs on a date of its choosing (an end of month, a
 * 29 February) while durations still pass as they do.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClock {

	static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

	private static final Logger log = LoggerFactory.getLogger(BusinessClock.class);

	@Bean
	Clock clock(@Value("${amo.clock.fixed:}") String fixed) {
		Clock system = Clock.system(MOROCCO);
		if (fixed == null || fixed.isBlank()) {
			return system;
		}
		Instant start = startOf(fixed.strip());
		log.info("Business clock started at {} (amo.clock.fixed)", fixed.strip());
		return Clock.offset(system, Duration.between(system.instant(), start));
	}

	/** {@code 2028-02-29T10:00:00}, or a date alone ({@code 2028-02-29}, at 10:00), in Morocco's time. */
	static Instant startOf(String fixed) {
		try {
			LocalDateTime start = fixed.contains("T") ? LocalDateTime.parse(fixed) : LocalDate.parse(fixed).atTime(10, 0);
			return start.atZone(MOROCCO).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("amo.clock.fixed must be a date-time such as 2026-06-15T10:00:00 or a date, not '"
					+ fixed + "'", e);
		}
	}
}
