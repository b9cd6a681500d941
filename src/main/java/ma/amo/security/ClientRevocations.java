package ma.amo.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which generation of each system client's tokens is still good, held in memory: checking a token is a map lookup,
 * not a query, on a path that serves thousands of eligibility requests a second. This instance updates the map as
 * soon as it disables a client or rotates its secret; the whole map is read again every few seconds, so that a
 * revocation made on another instance of the platform reaches this one within that delay.
 */
@Component
class ClientRevocations {

	/** The generation of a disabled client: no token has it. */
	private static final int DISABLED = -1;

	private final JdbcClient jdbc;
	/** Read at the first token checked rather than at start, when the database may not be migrated yet. */
	private volatile Map<String, Integer> generations;

	ClientRevocations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a token of {@code clientId} issued under {@code generation} is still good. */
	boolean allows(String clientId, int generation) {
		if (generations == null) {
			reload();
		}
		Integer current = generations.get(clientId);
		if (current == null) {
			// A client issued after the last reload (possibly by another instance): read it once.
			current = read(clientId);
			generations.put(clientId, current);
		}
		return current != DISABLED && current == generation;
	}

	/** The client's state changed here: known at once, without waiting for the next reload. */
	void changed(String clientId) {
		if (generations == null) {
			reload();
		}
		generations.put(clientId, read(clientId));
	}

	@Scheduled(fixedDelayString = "${amo.security.revocations-reload-seconds:10}", timeUnit = java.util.concurrent.TimeUnit.SECONDS)
	void reload() {
		Map<String, Integer> fresh = new ConcurrentHashMap<>();
		jdbc.sql("select client_id, case when enabled then generation else -1 end from system_client")
			.query((RowCallbackHandler) rs -> fresh.put(rs.getString(1), rs.getInt(2)));
		generations = fresh;
	}

	private int read(String clientId) {
		return jdbc.sql("select case when enabled then generation else -1 end from system_client where client_id = ?")
			.param(clientId).query(Integer.class).optional().orElse(DISABLED);
	}
}
