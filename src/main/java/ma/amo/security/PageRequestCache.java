package ma.amo.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Remembers the page a browser navigated to before it was sent to the login form, so that it lands there once signed
 * in: a {@code GET} asking for HTML, not a script's call, an htmx fragment or the icon the browser fetches on its own
 * (which would send the person to {@code /favicon.ico} after the login). Nothing is kept or looked for when the
 * caller sends its credentials with each request (an {@code Authorization} header: a system's bearer token, a
 * script's HTTP Basic): it is never sent to the login form, a refused API call must not open a session, and looking
 * for a saved request parsed the query string of every API call.
 */
final class PageRequestCache implements RequestCache {

	private final HttpSessionRequestCache pages = new HttpSessionRequestCache();

	PageRequestCache() {
		pages.setRequestMatcher(PageRequestCache::pageNavigation);
	}

	private static boolean pageNavigation(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
				&& request.getHeader("HX-Request") == null
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
	}

	@Override
	public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		if (!credentialsSent(request)) {
			pages.saveRequest(request, response);
		}
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		return pages.getRequest(request, response);
	}

	@Override
	public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
		return credentialsSent(request) ? null : pages.getMatchingRequest(request, response);
	}

	@Override
	public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
		pages.removeRequest(request, response);
	}

	private static boolean credentialsSent(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}
}
