package ma.amo.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.shared.Viewer.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who log in: created by an administrator with a role and its scope, passwords kept as a modern hash
 * (bcrypt through Spring's delegating encoder, so the algorithm can change), agents given a TOTP secret for their
 * second factor, failed attempts counted and the account locked for a while after too many.
 */
@Service
public class Accounts {

	static final int SHORTEST_PASSWORD = 12;

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final SecuritySettings settings;
	private final Clock clock;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.settings = settings;
		this.clock = clock;
	}

	/** A new account; an agent's comes with the TOTP secret to enrol in an authenticator application (shown once). */
	public record NewAccount(String username, String password, Role role, String payerBody, String region, String inpe,
			String idcs) {
	}

	public record Created(Viewer viewer, String totpSecret, String totpUri) {
	}

	@Transactional
	public Created create(NewAccount account) {
		return create(account, account.role() != null && account.role().needsSecondFactor() ? Totp.newSecret() : null);
	}

	/** An account whose second factor is already enrolled with {@code totpSecret} (the demo's documented agents). */
	@Transactional
	public Created create(NewAccount account, String totpSecret) {
		if (account.username() == null || !account.username().matches("[a-z0-9._-]{3,60}")) {
			throw new InvalidInput("username", "format", "3 to 60 lower-case letters, digits, dots, dashes or underscores");
		}
		if (account.password() == null || account.password().length() < SHORTEST_PASSWORD) {
			throw new InvalidInput("password", "length", "at least " + SHORTEST_PASSWORD + " characters");
		}
		if (account.role() == null) {
			throw new InvalidInput("role", "required", "is required");
		}
		if (account.role() == Role.PAYER_AGENT && !"CNSS".equals(account.payerBody()) && !"CNOPS".equals(account.payerBody())) {
			throw new InvalidInput("payerBody", "payer-body", "an agent works for CNSS or CNOPS");
		}
		if (account.role() == Role.PROVIDER && (account.inpe() == null || account.inpe().isBlank())) {
			throw new InvalidInput("inpe", "required", "a provider's account is bound to its INPE");
		}
		if (account.role() == Role.MEMBER && (account.idcs() == null || account.idcs().isBlank())) {
			throw new InvalidInput("idcs", "required", "a member's account is bound to their IDCS");
		}
		if (find(account.username()).isPresent()) {
			throw new RuleBroken("username", "unique", "the username " + account.username() + " is taken");
		}
		String secret = account.role().needsSecondFactor() ? totpSecret : null;
		jdbc.sql("""
				insert into platform_user (username, password_hash, role, payer_body, region, inpe, idcs, totp_secret)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.username(), passwords.encode(account.password()), account.role().name(), account.payerBody(),
					account.region(), account.inpe(), account.idcs(), secret)
			.update();
		return new Created(find(account.username()).orElseThrow().viewer(), secret, secret == null ? null
				: "otpauth://totp/AMO:" + account.username() + "?secret=" + secret + "&issuer=AMO");
	}

	/** An account as stored, with what logging in needs. */
	record Account(String username, String passwordHash, Role role, String payerBody, String region, String inpe,
			String idcs, String totpSecret, int failedAttempts, Instant lockedUntil, boolean enabled) {

		Viewer viewer() {
			return new Viewer(username, role, payerBody, region, inpe, idcs);
		}
	}

	Optional<Account> find(String username) {
		return jdbc.sql("""
				select username, password_hash, role, payer_body, region, inpe, idcs, totp_secret, failed_attempts,
				  locked_until, enabled from platform_user where username = ?""")
			.param(username)
			.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
					rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getBoolean(11)))
			.optional();
	}

	/** A failed attempt; the last one allowed locks the account for the lockout duration. */
	void failed(String username) {
		Instant lockUntil = Instant.now(clock).plus(Duration.ofMinutes(settings.lockoutMinutes()));
		jdbc.sql("""
				update platform_user set failed_attempts = failed_attempts + 1,
				  locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
				where username = ?""")
			.params(settings.lockoutAttempts(), java.sql.Timestamp.from(lockUntil), username).update();
	}

	/**
	 * Takes the time step of a one-time code for the account: true once, false when that step or a later one was
	 * already accepted (a replayed or older code). One statement, so two requests racing with the same code cannot
	 * both win.
	 */
	boolean useCodeStep(String username, long step) {
		return jdbc.sql("""
				update platform_user set last_totp_step = ?
				where username = ? and (last_totp_step is null or last_totp_step < ?)""")
			.params(step, username, step).update() == 1;
	}

	/** A successful login clears the count of failed attempts. */
	void succeeded(Account account) {
		if (account.failedAttempts() > 0 || account.lockedUntil() != null) {
			jdbc.sql("update platform_user set failed_attempts = 0, locked_until = null where username = ?")
				.param(account.username()).update();
		}
	}

	boolean locked(Account account) {
		return account.lockedUntil() != null && account.lockedUntil().isAfter(Instant.now(clock));
	}

	/** Creates the first administrator from the configuration when it does not exist yet. */
	public boolean exists(String username) {
		return find(username).isPresent();
	}

	@Transactional
	public void ensureAdministrator(String username, String password) {
		if (find(username).isEmpty()) {
			create(new NewAccount(username, password, Role.ADMINISTRATOR, null, null, null, null));
		}
	}
}
