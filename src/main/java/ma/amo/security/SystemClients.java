package ma.amo.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.InvalidInput;
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
 * server reads them here; their tokens carry the INPE, which scopes what the system may read.
 */
@Service
public class SystemClients implements RegisteredClientRepository {

	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
	private static final String INPE = "amo.inpe";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final ProviderDirectory providers;

	SystemClients(JdbcClient jdbc, PasswordEncoder passwords, ProviderDirectory providers) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.providers = providers;
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
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("clients are issued through SystemClients.issue");
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return jdbc.sql("select client_id, secret_hash, inpe, name from system_client where client_id = ? and enabled")
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
				.clientSettings(ClientSettings.builder().setting(INPE, rs.getString(3)).build())
				.build())
			.optional().orElse(null);
	}

	/** The INPE the client is bound to, as read with the client. */
	static String inpeOf(RegisteredClient client) {
		return client.getClientSettings().getSetting(INPE);
	}
}
