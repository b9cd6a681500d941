package ma.amo.enrolment.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The eligibility answer's latency as a hospital's system sees it, security and audit included
 * ({@code amo_eligibility_latency_seconds} on {@code /actuator/prometheus}, with a histogram for its percentiles):
 * eligibility is the platform's hottest path and its target is stated as a p99.
 */
@Configuration(proxyBeanMethods = false)
class EligibilityLatency {

	@Bean
	FilterRegistrationBean<Filter> eligibilityLatencyFilter(MeterRegistry registry) {
		// One timer per status, found once: building and registering it again on each answer was a map lookup
		// with its tags on the hottest path.
		Map<Integer, Timer> timers = new ConcurrentHashMap<>();
		Filter timing = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
			long started = System.nanoTime();
			try {
				chain.doFilter(request, response);
			}
			finally {
				int status = response instanceof HttpServletResponse http ? http.getStatus() : 0;
				timers.computeIfAbsent(status, s -> Timer.builder("amo.eligibility.latency")
					.description("Eligibility answers, from the request's arrival to its answer")
					.tag("status", Integer.toString(s))
					.publishPercentileHistogram()
					.register(registry)).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(timing);
		registration.addUrlPatterns("/api/v1/eligibility");
		// Before the security chain, so that the time to authenticate the caller is counted.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("eligibilityLatency");
		return registration;
	}
}
