package ma.amo.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code POST /fhir/CoverageEligibilityRequest/$submit}, the platform's hottest FHIR request, answered without HAPI's
 * request cycle when it is of the shape every hospital system sends ({@link CoverageEligibilityJson}): the body read
 * with one JSON parse instead of HAPI's parse into its object model, the answer written directly instead of built then
 * encoded, and none of HAPI's per-request work (method binding, interceptors, request id, headers). It runs after the
 * security chain (authentication, access rules, request limits), checks the rights with {@link Eligibility} and audits
 * the read as {@link EligibilityProvider} does. Anything else is passed on, body included, to HAPI's
 * {@link EligibilityProvider}, which answers or refuses it: another format or a URL parameter, a header
 * {@code X-Purpose}, gzip, an element not read here, a refusal of the rights check (an IDCS not in the register, a member
 * asking for someone else), and every request while {@code amo.fhir.profile-validation} checks them all. A refusal thus
 * stays HAPI's OperationOutcome, and the check is made twice on that rare path rather than worded twice.
 */
class CoverageEligibilityFastPath extends OncePerRequestFilter {

	static final String PATH = "/fhir/CoverageEligibilityRequest/$submit";

	private final Eligibility eligibility;
	private final Reads reads;
	private final Clock clock;
	private final boolean enabled;

	CoverageEligibilityFastPath(Eligibility eligibility, Reads reads, Clock clock, ProfileValidation profiles) {
		this.eligibility = eligibility;
		this.reads = reads;
		this.clock = clock;
		this.enabled = !profiles.checksIncoming();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!enabled || !ours(request)) {
			chain.doFilter(request, response);
			return;
		}
		InputStream in = request.getInputStream();
		byte[] body = in.readNBytes(CoverageEligibilityJson.MOST_BODY + 1);
		HttpServletRequest again = new Replayed(request, body, in);
		if (body.length > CoverageEligibilityJson.MOST_BODY) {
			chain.doFilter(again, response);
			return;
		}
		CoverageEligibilityJson.Asked asked = CoverageEligibilityJson.read(body);
		Rights rights = asked == null ? null : rights(asked);
		if (rights == null) {
			chain.doFilter(again, response);
			return;
		}
		reads.read((String) null, "PERSON", List.of(rights.idcs()), "ELIGIBILITY_CHECK");
		byte[] answer = CoverageEligibilityJson.response(asked, rights, clock.instant());
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/fhir+json;charset=utf-8");
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/** The rights, or null when the check refuses: HAPI's path then refuses with its OperationOutcome. */
	private Rights rights(CoverageEligibilityJson.Asked asked) {
		try {
			return eligibility.of(asked.idcs(), asked.date() == null ? LocalDate.now(clock) : asked.date());
		}
		catch (RuntimeException refused) {
			return null;
		}
	}

	/** A POST of JSON, asking JSON back, with nothing HAPI alone reads: no URL parameter, purpose, encoding. */
	private static boolean ours(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || request.getQueryString() != null
				|| request.getHeader("X-Purpose") != null || request.getHeader("Content-Encoding") != null) {
			return false;
		}
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		String media = type.toLowerCase(Locale.ROOT).replace(" ", "");
		if (!List.of("application/fhir+json", "application/json", "application/fhir+json;charset=utf-8",
				"application/json;charset=utf-8").contains(media)) {
			return false;
		}
		String accept = request.getHeader("Accept");
		return accept == null || !accept.toLowerCase(Locale.ROOT).contains("xml");
	}

	/** The request as it came, its body read again from the bytes already taken then the rest of the stream. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final InputStream body;
		private ServletInputStream stream;

		Replayed(HttpServletRequest request, byte[] read, InputStream rest) {
			super(request);
			this.body = new SequenceInputStream(new ByteArrayInputStream(read), rest);
		}

		@Override
		public ServletInputStream getInputStream() {
			if (stream == null) {
				stream = new ServletInputStream() {
					@Override
					public int read() throws IOException {
						return body.read();
					}

					@Override
					public int read(byte[] b, int off, int len) throws IOException {
						return body.read(b, off, len);
					}

					@Override
					public boolean isFinished() {
						return false;
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setReadListener(ReadListener listener) {
						throw new UnsupportedOperationException("the body is read blocking");
					}
				};
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}
	}
}
