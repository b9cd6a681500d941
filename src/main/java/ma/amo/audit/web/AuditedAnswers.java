package ma.amo.audit.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ma.amo.audit.AuditTrail;
import ma.amo.audit.Audited;
import ma.amo.shared.InvalidInput;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records the answers of the endpoints marked {@link Audited}, as they are written: only successful answers, with
 * the ids they actually carry. Refuses, before the endpoint runs, a purpose that is not a code.
 */
@ControllerAdvice
class AuditedAnswers implements ResponseBodyAdvice<Object>, HandlerInterceptor {

	static final String PURPOSE = "X-Purpose";
	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

	private final AuditTrail trail;

	AuditedAnswers(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(Audited.class)) {
			String purpose = request.getHeader(PURPOSE);
			if (purpose != null && !CODE.matcher(purpose).matches()) {
				throw new InvalidInput(PURPOSE, "format",
						"must be a purpose code in capitals, e.g. ELIGIBILITY_CHECK or CLAIM_PROCESSING");
			}
		}
		return true;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return returnType.hasMethodAnnotation(Audited.class);
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (request instanceof ServletServerHttpRequest servlet && response instanceof ServletServerHttpResponse answer
				&& answer.getServletResponse().getStatus() < 300) {
			HttpServletRequest http = servlet.getServletRequest();
			Audited audited = returnType.getMethodAnnotation(Audited.class);
			List<String> ids = RecordIds.of(audited, body, http);
			String purpose = http.getHeader(PURPOSE);
			trail.record(http.getUserPrincipal() == null ? "anonymous" : http.getUserPrincipal().getName(),
					audited.action(), audited.record(), ids, purpose == null ? audited.purpose() : purpose);
		}
		return body;
	}
}
