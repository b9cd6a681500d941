package ma.amo.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Failed authentications are published as events, successful ones are not. Every API call authenticates its caller
 * (a system's bearer token, a person's HTTP Basic), so a success event per request went through the application's
 * event multicaster and the event publication registry's listener checks on the hottest paths, and nothing in the
 * platform listens to it: what a caller reads or changes is recorded by the audit trail.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationEvents {

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher failures = new DefaultAuthenticationEventPublisher(events);
		return new AuthenticationEventPublisher() {

			@Override
			public void publishAuthenticationSuccess(Authentication authentication) {
			}

			@Override
			public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
				failures.publishAuthenticationFailure(exception, authentication);
			}
		};
	}
}
