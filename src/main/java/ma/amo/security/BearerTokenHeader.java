package ma.amo.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * Reads the bearer token of the Authorization header without a regular expression: Spring's resolver matches the
 * whole token (hundreds of characters) against a case-insensitive pattern on every call, about 5 % of an eligibility
 * answer's time in a profile. The common case, a well-formed {@code Bearer} header and no token among the request's
 * parameters, is checked character by character with the same rule (RFC 6750: {@code b64token}, then {@code =}
 * padding); anything else is left to Spring's resolver, so that errors and refusals stay exactly its own. The
 * resource server's configuration takes this bean as its resolver.
 */
@Component
class BearerTokenHeader implements BearerTokenResolver {

	private static final String PREFIX = "Bearer ";

	private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				&& wellFormed(header, PREFIX.length()) && !mayCarryParameterToken(request)) {
			return header.substring(PREFIX.length());
		}
		return standard.resolve(request);
	}

	/** One or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then only {@code =}. */
	static boolean wellFormed(String header, int from) {
		int i = from;
		while (i < header.length() && tokenChar(header.charAt(i))) {
			i++;
		}
		if (i == from) {
			return false;
		}
		while (i < header.length() && header.charAt(i) == '=') {
			i++;
		}
		return i == header.length();
	}

	private static boolean tokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

	/** Spring's resolver refuses a token sent both in the header and as a parameter: such requests are left to it. */
	private static boolean mayCarryParameterToken(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			return request.getParameterValues("access_token") != null;
		}
		return !"POST".equals(request.getMethod()) ? false
				: request.getContentType() == null || request.getContentType().startsWith("application/x-www-form-urlencoded");
	}
}
