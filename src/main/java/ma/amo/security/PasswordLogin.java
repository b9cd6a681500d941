package ma.amo.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import ma.amo.shared.Viewer;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Logs a person in with username and password (HTTP Basic, the login form or the sign-in of scripts), and for agents
 * the TOTP code of their authenticator (header {@code X-OTP}, or field {@code otp}), each code accepted once. A locked account is refused even with the right
 * password; each failure counts towards the lockout. A password that was just verified is remembered for a minute
 * (as a SHA-256 of the credentials, never the password): a deliberately slow hash on every API call would cap a
 * client at a few requests a second.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

	private static final Duration REMEMBERED = Duration.ofMinutes(1);

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final Map<String, Instant> verified = new ConcurrentHashMap<>();
	private final String unknownUserHash;

	PasswordLogin(Accounts accounts, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		// An unknown user costs the same hash as a known one: the answer time does not tell which usernames exist.
		this.unknownUserHash = passwords.encode("no such user");
	}

	/** What comes with the password: the one-time code. */
	record LoginDetails(String otp) {
		static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> SOURCE = request -> new LoginDetails(
				request.getHeader("X-OTP") != null ? request.getHeader("X-OTP") : request.getParameter("otp"));
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Accounts.Account account = accounts.find(username).orElse(null);
		if (account == null || !account.enabled()) {
			passwords.matches(password, unknownUserHash);
			throw new BadCredentialsException("unknown user or wrong password");
		}
		if (accounts.locked(account)) {
			throw new LockedException("account locked after repeated failures until " + account.lockedUntil());
		}
		String key = fingerprint(username, password, account.passwordHash());
		Instant seen = verified.get(key);
		Instant now = Instant.now(clock);
		if (seen == null || seen.isBefore(now.minus(REMEMBERED))) {
			if (!passwords.matches(password, account.passwordHash())) {
				accounts.failed(username);
				throw new BadCredentialsException("unknown user or wrong password");
			}
			if (verified.size() > 10_000) {
				verified.values().removeIf(at -> at.isBefore(now.minus(REMEMBERED)));
			}
			verified.put(key, now);
		}
		if (account.totpSecret() != null) {
			String otp = authentication.getDetails() instanceof LoginDetails details ? details.otp() : null;
			// The agent's authenticator runs on real time, whatever date the business clock is set to.
			java.util.OptionalLong step = Totp.step(account.totpSecret(), otp, Instant.now());
			if (step.isEmpty()) {
				accounts.failed(username);
				throw new BadCredentialsException("a valid one-time code (X-OTP) is required for this account");
			}
			if (!accounts.useCodeStep(username, step.getAsLong())) {
				accounts.failed(username);
				throw new BadCredentialsException("this one-time code was already used: sign in once with a new code "
						+ "(POST /api/v1/sessions) and work with the token, or the browser's session");
			}
		}
		accounts.succeeded(account);
		Viewer viewer = account.viewer();
		return UsernamePasswordAuthenticationToken.authenticated(viewer, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Changes with the stored hash, so a new password forgets the old one at once. */
	private static String fingerprint(String username, String password, String hash) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest((username + '\0' + password + '\0' + hash)
				.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
