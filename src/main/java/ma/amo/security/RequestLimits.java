package ma.amo.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON body larger than {@code amo.security.max-json-bytes} (1 MB) before anything reads it: 413, nothing
 * stored. File uploads (multipart: register extracts, declarations, referentials) keep their own, larger limit.
 */
@Component
class RequestLimits extends OncePerRequestFilter {

	private final SecuritySettings settings;

	RequestLimits(SecuritySettings settings) {
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
		// A bank's return file (ISO 20022 XML) is posted as the bank sent it, up to 50 MB.
		long limit = "/api/v1/payment-returns".equals(request.getRequestURI()) ? 50L * 1024 * 1024 : settings.maxJsonBytes();
		if (!upload && request.getContentLengthLong() > limit) {
			SecuritySetup.refusal(request, response, 413, "Request too large", "a request body is limited to "
					+ limit + " bytes; files go as multipart uploads");
			return;
		}
		if (!upload && request.getContentLengthLong() < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
			SecuritySetup.refusal(request, response, 411, "Length required", "a request body must state its length");
			return;
		}
		chain.doFilter(request, response);
	}
}
