package ma.amo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokenHeaderTest {

	private final BearerTokenHeader header = new BearerTokenHeader();
	private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

	private static MockHttpServletRequest get(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/eligibility");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

	@Test
	void readsTheTokenAsSpringsResolverDoes() {
		for (String authorization : new String[] { "Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl",
				"bearer abc-._~+/xyz==", "BEARER a", null, "Basic YWRtaW46c2VjcmV0" }) {
			assertThat(header.resolve(get(authorization))).as(authorization).isEqualTo(standard.resolve(get(authorization)));
		}
	}

	@Test
	void refusesAMalformedTokenAsSpringsResolverDoes() {
		for (String authorization : new String[] { "Bearer ", "Bearer a b", "Bearer ab=c", "Bearer é", "Bearer =", "Bearer" }) {
			assertThatThrownBy(() -> header.resolve(get(authorization))).as(authorization)
				.isInstanceOf(OAuth2AuthenticationException.class);
			assertThatThrownBy(() -> standard.resolve(get(authorization))).as(authorization)
				.isInstanceOf(OAuth2AuthenticationException.class);
		}
	}

	@Test
	void leavesATokenAlsoSentAsAParameterToSpringsResolver() {
		MockHttpServletRequest request = get("Bearer abc");
		request.addParameter("access_token", "abc");
		assertThat(outcome(header, request)).isEqualTo(outcome(standard, request));
	}

	private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
		try {
			return resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException e) {
			return e.getError().getErrorCode();
		}
	}
}
