package ma.amo.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderStatus;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The information systems of hospitals, clinics and pharmacies: one OAuth2 client per establishment, bound to its
 * INPE, issued by the platform (client credentials; the secret is shown once and kept as a hash). The authorization
 * server reads them here; their tokens carry the INPE, which scopes what the system may read, and the client's
 * generation: disabling a client or rotating its secret moves the generation on and its earlier tokens stop working
 * at once ({@link ClientRevocations}). An establishment that is not active in the directory today gets no token.
 */
@Service
public class SystemClients implements RegisteredClientRepository {

	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
	private static final String INPE = "amo.inpe";
	private static final String GENERATION = "amo.generation";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final ProviderDirectory providers;
	private final ClientRevocations revocations;
	private final Clock clock;

	SystemClients(JdbcClient jdbc, PasswordEncoder passwords, ProviderDirectory providers, ClientRevocations revocations,
			Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.providers = providers;
		this.revocations = revocations;
		this.clock = clock;
	}

	/** A client issued: its id and secret, to give to the establishment once. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SystemClientIssued")
	public record Issued(String clientId, String clientSecret, String inpe, String name) {
	}

	/** Issues a client to the establishment with this INPE. */
	@Transactional
	public Issued issue(String inpe) {
		if (inpe == null || inpe.isBlank()) {
			throw new InvalidInput("inpe", "required", "is required");
		}
		String name = providers.establishment(inpe).name();
		String secret = newSecret();
		long count = jdbc.sql("select count(*) from system_client where inpe = ?").param(inpe).query(Long.class).single();
		String clientId = "etab-" + inpe + (count == 0 ? "" : "-" + (count + 1));
		return issue(clientId, secret, inpe, name);
	}

	/** Issues a client with a chosen id and secret (the demo's documented client). */
	@Transactional
	public Issued issue(String clientId, String secret, String inpe, String name) {
		jdbc.sql("insert into system_client (client_id, secret_hash, inpe, name) values (?, ?, ?, ?)")
			.params(clientId, passwords.encode(secret), inpe, name).update();
		return new Issued(clientId, secret, inpe, name);
	}

	/** A client as the administrator sees it: never its secret. */
	public record Client(String clientId, String inpe, String name, boolean enabled, int generation, Instant createdAt,
			Instant disabledAt, Instant rotatedAt) {
	}

	/** The clients of an establishment, or all of them without an INPE, oldest first. */
	public List<Client> clients(String inpe) {
		return jdbc.sql("""
				select client_id, inpe, name, enabled, generation, created_at, disabled_at, rotated_at from system_client
				where cast(? as text) is null or inpe = ? order by created_at, client_id""")
			.params(inpe, inpe)
			.query((rs, n) -> new Client(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
					rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8))))
			.list();
	}

	/** Disables a client: it gets no new token and the tokens it holds are refused from now on. */
	@Transactional
	public Client disable(String clientId) {
		int updated = jdbc.sql("""
				update system_client set enabled = false, generation = generation + 1, disabled_at = now()
				where client_id = ?""").param(clientId).update();
		if (updated == 0) {
			throw new NotFound("clientId", "no system client " + clientId);
		}
		revocations.changed(clientId);
		return client(clientId);
	}

	/** A new secret for the client (shown once); the old secret and every token issued under it stop working. */
	@Transactional
	public Issued rotate(String clientId) {
		Client client = client(clientId);
		if (!client.enabled()) {
			throw new ma.amo.shared.RuleBroken("clientId", "enabled", "client " + clientId + " is disabled");
		}
		String secret = newSecret();
		jdbc.sql("""
				update system_client set secret_hash = ?, generation = generation + 1, rotated_at = now()
				where client_id = ?""").params(passwords.encode(secret), clientId).update();
		revocations.changed(clientId);
		return new Issued(clientId, secret, client.inpe(), client.name());
	}

	private Client client(String clientId) {
		return clients(null).stream().filter(c -> c.clientId().equals(clientId)).findFirst()
			.orElseThrow(() -> new NotFound("clientId", "no system client " + clientId));
	}

	private static String newSecret() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static Instant instant(java.sql.Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("clients are issued through SystemClients.issue");
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	/**
	 * The client as the authorization server needs it; none for a disabled client, nor for a client whose
	 * establishment is closed or suspended in the directory today: it gets no token.
	 */
	@Override
	public RegisteredClient findByClientId(String clientId) {
		RegisteredClient client = jdbc.sql("select client_id, secret_hash, inpe, name, generation from system_client where client_id = ? and enabled")
			.param(clientId)
			.query((rs, n) -> RegisteredClient.withId(rs.getString(1))
				.clientId(rs.getString(1))
				.clientSecret(rs.getString(2))
				.clientName(rs.getString(4))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scope("amo")
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
				// The INPE travels with the client to the token, without a second read.
				.clientSettings(ClientSettings.builder().setting(INPE, rs.getString(3)).setting(GENERATION, rs.getInt(5)).build())
				.build())
			.optional().orElse(null);
		return client != null && active(inpeOf(client)) ? client : null;
	}

	private boolean active(String inpe) {
		return providers.statusOn(inpe, LocalDate.now(clock)).map(s -> s == ProviderStatus.ACTIVE).orElse(false);
	}

	/** The INPE the client is bound to, as read with the client. */
	static String inpeOf(RegisteredClient client) {
		return client.getClientSettings().getSetting(INPE);
	}

	/** The generation the client's tokens are issued under, as read with the client. */
	static int generationOf(RegisteredClient client) {
		Integer generation = client.getClientSettings().getSetting(GENERATION);
		return generation == null ? 0 : generation;
	}
}
