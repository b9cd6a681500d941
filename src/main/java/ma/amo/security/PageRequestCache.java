package ma.amo.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Remembers the page a browser asked for before it was sent to the login form, and nothing for a caller that sends
 * its credentials with each request (an {@code Authorization} header: a system's bearer token, a script's HTTP
 * Basic). Such a caller is never sent to the login form, so there is nothing to return to; a refused API call must
 * not open a session; and looking for a saved request parsed the query string of every API call.
 */
final class PageRequestCache implements RequestCache {

	private final HttpSessionRequestCache pages = new HttpSessionRequestCache();

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
