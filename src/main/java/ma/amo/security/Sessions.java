package ma.amo.security;

import java.time.Duration;
import java.time.Instant;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * The sign-in of scripts and API clients: username, password and, for agents, one code of their authenticator, once;
 * the answer is a short-lived bearer token signed with the platform's key, which carries the account and its scope.
 * An agent then works with the token instead of sending a new code with every call (each code opens one login only).
 */
@Service
public class Sessions {

	/** The claim that tells a person's token from a system's. */
	static final String KIND = "kind";
	static final String PERSON = "person";

	private final PasswordLogin login;
	private final JwtEncoder encoder;
	private final Duration lifetime;

	Sessions(PasswordLogin login, JwtEncoder encoder, SecuritySettings settings) {
		this.login = login;
		this.encoder = encoder;
		this.lifetime = Duration.ofMinutes(settings.sessionTokenMinutes());
	}

	/** A signed-in account's token, its type and lifetime in seconds. */
	public record SignedIn(String accessToken, String tokenType, long expiresIn, Viewer account) {
	}

	/**
	 * Signs the account in; an {@link org.springframework.security.core.AuthenticationException} when the password, the
	 * code (missing, wrong or already used) or the account (locked, disabled) does not allow it.
	 */
	public SignedIn signIn(String username, String password, String code) {
		if (username == null || username.isBlank()) {
			throw new InvalidInput("username", "required", "is required");
		}
		if (password == null || password.isEmpty()) {
			throw new InvalidInput("password", "required", "is required");
		}
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username.strip(),
				password);
		attempt.setDetails(new PasswordLogin.LoginDetails(code));
		Viewer viewer = (Viewer) login.authenticate(attempt).getPrincipal();
		// Tokens are issued and expire in real time, whatever date the business clock is set to.
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(viewer.name()).issuedAt(now)
			.expiresAt(now.plus(lifetime)).claim(KIND, PERSON).claim("role", viewer.role().name());
		claim(claims, "payerBody", viewer.payerBody());
		claim(claims, "region", viewer.region());
		claim(claims, "inpe", viewer.inpe());
		claim(claims, "idcs", viewer.idcs());
		Jwt token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
				claims.build()));
		return new SignedIn(token.getTokenValue(), "Bearer", lifetime.toSeconds(), viewer);
	}

	private static void claim(JwtClaimsSet.Builder claims, String name, String value) {
		if (value != null) {
			claims.claim(name, value);
		}
	}

	/** The account a person's token names, as it was when the token was issued. */
	static Viewer viewer(Jwt token) {
		return new Viewer(token.getSubject(), Viewer.Role.valueOf(token.getClaimAsString("role")),
				token.getClaimAsString("payerBody"), token.getClaimAsString("region"), token.getClaimAsString("inpe"),
				token.getClaimAsString("idcs"));
	}

	static boolean isPerson(Jwt token) {
		return PERSON.equals(token.getClaimAsString(KIND));
	}
}
