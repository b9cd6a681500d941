package ma.amo.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observation wrapped around the security chain. Turning its observations off by property leaves Spring Security
 * wrapping each of its filters, the authentication and the authorisation in an observation that does nothing: a
 * profile of eligibility under load put about a tenth of the platform's time in those wrappers. Without observation
 * settings to honour, the chain is built bare.
 */
@Configuration(proxyBeanMethods = false)
class RequestObservations {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}
}
