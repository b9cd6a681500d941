package ma.amo.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ma.amo.shared.Viewer;
import ma.amo.shared.Viewer.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains. The authorization server issues tokens to the establishments' systems (client credentials,
 * {@code POST /oauth2/token}). Everything else is the API and the browser: people log in with HTTP Basic or the login
 * form (then a session cookie, and CSRF protection for what that session posts), systems with their bearer token;
 * each endpoint is open to the roles of {@link AccessRules}, everything else is refused. Refusals are problem details,
 * never a stack trace; the usual protective headers and a strict content security policy go on every answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecuritySetup {

	/** The claim of a system's token that names the generation of its client ({@link ClientRevocations}). */
	static final String GENERATION = "gen";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> problem(response, 401,
					"Authentication required", "client credentials are required")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, PasswordLogin login, RequestLimits limits, RateLimits rates)
			throws Exception {
		http.authorizeHttpRequests(requests -> {
			for (String open : AccessRules.PUBLIC) {
				requests.requestMatchers(open).permitAll();
			}
			for (AccessRules.Rule rule : AccessRules.RULES) {
				String[] roles = rule.roles().stream().map(Role::name).toArray(String[]::new);
				var matcher = rule.method() == null ? PathPatternRequestMatcher.pathPattern(rule.pattern())
						: PathPatternRequestMatcher.pathPattern(rule.method(), rule.pattern());
				requests.requestMatchers(matcher).hasAnyRole(roles);
			}
			requests.anyRequest().denyAll();
		})
			.authenticationProvider(login)
			.httpBasic(basic -> basic.authenticationDetailsSource(PasswordLogin.LoginDetails.SOURCE)
				.authenticationEntryPoint((request, response, failure) -> refusal(request, response, 401,
						"Authentication required", failure.getMessage())))
			.formLogin(form -> form.loginPage("/login").authenticationDetailsSource(PasswordLogin.LoginDetails.SOURCE))
			.requestCache(cache -> cache.requestCache(new PageRequestCache()))
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(SecuritySetup::systemViewer))
				.authenticationEntryPoint((request, response, failure) -> refusal(request, response, 401,
						"Authentication required", failure.getMessage())))
			// API clients send their credentials with each call and keep no session: no cross-site request to forge.
			// The sign-in of scripts sets no cookie (its answer is a token): nothing for a forged request to ride on.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null)
				.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/sessions")))
			.exceptionHandling(e -> e
				// The pages of the web send a browser to the login form; API calls get a problem detail.
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						request -> !request.getRequestURI().startsWith("/api/") && !fhir(request)
								&& request.getHeader("Authorization") == null)
				.defaultAuthenticationEntryPointFor((request, response, failure) -> refusal(request, response, 401,
						"Authentication required", "log in (HTTP Basic, the login form or a bearer token)"),
						request -> true)
				.accessDeniedHandler((request, response, denied) -> refusal(request, response, 403, "Outside your access",
						"your role may not " + request.getMethod() + " " + request.getRequestURI())))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
								+ "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.addFilterBefore(limits, BasicAuthenticationFilter.class)
			.addFilterAfter(rates, BasicAuthenticationFilter.class);
		return http.build();
	}

	/** The limits run inside the security chain (after authentication, for the rate); not a second time outside it. */
	@Bean
	FilterRegistrationBean<RequestLimits> requestLimitsOnlyInTheChain(RequestLimits limits) {
		FilterRegistrationBean<RequestLimits> registration = new FilterRegistrationBean<>(limits);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimits> rateLimitsOnlyInTheChain(RateLimits rates) {
		FilterRegistrationBean<RateLimits> registration = new FilterRegistrationBean<>(rates);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * The firewall's usual checks, with header names and values checked by a loop over their characters (printable,
	 * no control character) instead of the default regular expressions, which were a tenth of the eligibility path.
	 */
	@Bean
	org.springframework.security.web.firewall.HttpFirewall firewall() {
		var firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
		firewall.setAllowedHeaderNames(SecuritySetup::printable);
		firewall.setAllowedHeaderValues(SecuritySetup::printable);
		firewall.setAllowedParameterNames(SecuritySetup::printable);
		return firewall;
	}

	static boolean printable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// Printable ASCII first: a bearer token is hundreds of them, and the firewall checks it on every read.
			if (c >= ' ' && c < 0x7f) {
				continue;
			}
			if (Character.isISOControl(c) && c != '\t' || !Character.isDefined(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A person's token (signed in with {@link Sessions}): the account with its role and scope. A system's token: the
	 * client is a provider, scoped to the INPE of its establishment.
	 */
	private static AbstractAuthenticationToken systemViewer(Jwt token) {
		String inpe = token.getClaimAsString("inpe");
		Viewer viewer = Sessions.isPerson(token) ? Sessions.viewer(token)
				: new Viewer(token.getSubject(), Role.PROVIDER, null, null, inpe, null);
		AbstractAuthenticationToken authentication = new AbstractAuthenticationToken(
				List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name()))) {
			@Override
			public Object getCredentials() {
				return token;
			}

			@Override
			public Object getPrincipal() {
				return viewer;
			}
		};
		authentication.setAuthenticated(Sessions.isPerson(token) || inpe != null);
		return authentication;
	}

	/** Tokens name the establishment's INPE and the client's generation, read when the token is issued. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims() {
		return context -> context.getClaims().claim("inpe", SystemClients.inpeOf(context.getRegisteredClient()))
			.claim("role", Role.PROVIDER.name())
			.claim(GENERATION, SystemClients.generationOf(context.getRegisteredClient()));
	}

	/** Signs people's session tokens with the same key as the systems' tokens. */
	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> keys) {
		return new NimbusJwtEncoder(keys);
	}

	/** The signing key of the tokens, from the configuration (or generated at start in development). */
	@Bean
	JWKSource<SecurityContext> jwkSource(SecuritySettings settings) {
		return new ImmutableJWKSet<>(new JWKSet(TokenSigningKey.from(settings.tokenSigningKey())));
	}

	/**
	 * Tokens are verified once and remembered until they expire: a hospital's system sends the same token with every
	 * request for 15 minutes, and an RSA signature check on each request was a fifth of the eligibility path's time.
	 * What the memory cannot know, that the client was disabled or its secret rotated since, is checked on every
	 * request against the revocations held in memory (a map lookup).
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, ClientRevocations revocations) {
		JwtDecoder verifying = OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		java.util.Map<String, Jwt> verified = new java.util.concurrent.ConcurrentHashMap<>();
		return token -> {
			// Tokens are issued and expire in real time, whatever date the business clock is set to.
			java.time.Instant now = java.time.Instant.now();
			Jwt jwt = verified.get(token);
			if (jwt == null || jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(now)) {
				jwt = verifying.decode(token);
				if (verified.size() > 10_000) {
					verified.values().removeIf(j -> j.getExpiresAt() == null || !j.getExpiresAt().isAfter(now));
				}
				verified.put(token, jwt);
			}
			if (!Sessions.isPerson(jwt) && !revocations.allows(jwt.getSubject(), generation(jwt))) {
				throw new BadJwtException("the client of this token was disabled or its secret rotated");
			}
			return jwt;
		};
	}

	private static int generation(Jwt jwt) {
		Object generation = jwt.getClaims().get(GENERATION);
		return generation instanceof Number number ? number.intValue() : 0;
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}

	static boolean fhir(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri.equals("/fhir") || uri.startsWith("/fhir/");
	}

	/**
	 * A refusal as the caller's protocol says it: an OperationOutcome for a FHIR client (issue code {@code login} for
	 * 401, {@code forbidden} for 403, {@code too-costly} or {@code throttled} for the limits), a problem detail for
	 * everyone else.
	 */
	static void refusal(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws java.io.IOException {
		if (!fhir(request)) {
			problem(response, status, title, detail);
			return;
		}
		String code = switch (status) {
			case 401 -> "login";
			case 403 -> "forbidden";
			case 429 -> "throttled";
			case 411, 413 -> "too-costly";
			default -> "processing";
		};
		response.setStatus(status);
		response.setContentType("application/fhir+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
				+ code + "\",\"diagnostics\":\"" + json(title + ": " + detail) + "\"}]}");
	}

	/** A refusal as an RFC 9457 problem detail. */
	static void problem(HttpServletResponse response, int status, String title, String detail) throws java.io.IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"type\":\"https://amo.ma/problems/" + status + "\",\"title\":\"" + json(title)
				+ "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}");
	}

	private static String json(String text) {
		return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
	}
}
