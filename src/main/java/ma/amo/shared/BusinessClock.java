package ma.amo.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock of business dates: Morocco's time zone, whatever the server's. Tests may replace it. */
@Configuration(proxyBeanMethods = false)
class BusinessClock {

	static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

	@Bean
	Clock clock() {
		return Clock.system(MOROCCO);
	}
}
