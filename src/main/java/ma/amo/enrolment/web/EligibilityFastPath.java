package ma.amo.enrolment.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/eligibility?idcs=…&date=…}, the request every counter sends, answered without Spring MVC's
 * dispatch: after the security chain (authentication, access rules, request limits), the rights are read with
 * {@link Eligibility}, written with the application's JSON mapper and audited as {@link EligibilityController}'s
 * {@code @Audited} answer is. The handler lookup, argument resolution, content negotiation and the advice chain
 * around the body were a third of the platform's CPU per answer, more than the rights themselves.
 * <p>
 * Only that request is answered here: an IDCS and at most a date, each once, a well-formed IDCS and date, JSON
 * accepted, a purpose that is a code if one is stated, a person in the register the caller may see. Anything else,
 * and every refusal, is passed on to {@link EligibilityController}, whose answer and problem stay the only ones (a
 * test compares the two answers byte for byte); the rights are then read twice on that rare path rather than the
 * refusals worded twice.
 */
class EligibilityFastPath extends OncePerRequestFilter {

	static final String PATH = "/api/v1/eligibility";

	private static final Pattern PURPOSE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

	private final Eligibility eligibility;
	private final PopulationRegister register;
	private final AuditTrail trail;
	private final JsonMapper json;
	private final Clock clock;

	EligibilityFastPath(Eligibility eligibility, PopulationRegister register, AuditTrail trail, JsonMapper json,
			Clock clock) {
		this.eligibility = eligibility;
		this.register = register;
		this.trail = trail;
		this.json = json;
		this.clock = clock;
	}

	/** After the security chain (its order is the lowest) and before Spring MVC's dispatcher, on the endpoint alone. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<EligibilityFastPath> eligibilityFastPath(Eligibility eligibility,
				PopulationRegister register, AuditTrail trail, JsonMapper json, Clock clock) {
			FilterRegistrationBean<EligibilityFastPath> registration = new FilterRegistrationBean<>(
					new EligibilityFastPath(eligibility, register, trail, json, clock));
			registration.addUrlPatterns(PATH);
			registration.setOrder(Ordered.LOWEST_PRECEDENCE);
			registration.setName("eligibilityFastPath");
			return registration;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Rights rights = "GET".equals(request.getMethod()) && acceptsJson(request) ? rights(request) : null;
		if (rights == null) {
			chain.doFilter(request, response);
			return;
		}
		String purpose = request.getHeader("X-Purpose");
		trail.record(request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName(),
				AuditEntry.Action.READ, "PERSON", List.of(rights.idcs()), purpose == null ? "ELIGIBILITY_CHECK" : purpose);
		// The request's metrics name the endpoint as Spring MVC's mapping would.
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
		byte[] answer = json.writeValueAsBytes(rights);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/** The rights asked, or null when the request is not the usual one or would be refused. */
	private Rights rights(HttpServletRequest request) {
		Map<String, String[]> parameters = request.getParameterMap();
		String[] idcs = parameters.get("idcs");
		String[] date = parameters.get("date");
		if (idcs == null || idcs.length != 1 || date != null && date.length != 1
				|| parameters.size() != (date == null ? 1 : 2)) {
			return null;
		}
		String purpose = request.getHeader("X-Purpose");
		if (purpose != null && !PURPOSE.matcher(purpose).matches()
				|| register.idcsCheckDigit().problem(idcs[0]) != null) {
			return null;
		}
		LocalDate on = date == null ? LocalDate.now(clock) : InputBounds.date(date[0]);
		if (on == null) {
			return null;
		}
		try {
			return eligibility.of(idcs[0], on);
		}
		catch (NotFound | InvalidInput | AccessRefused refused) {
			return null;
		}
	}

	/** JSON, what the controller produces: no Accept header, any type, or JSON alone (else the controller negotiates). */
	private static boolean acceptsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept == null || accept.equals("*/*") || accept.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE);
	}
}
