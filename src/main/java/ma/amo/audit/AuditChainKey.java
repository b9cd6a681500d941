package ma.amo.audit;

import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's seals, from {@code amo.audit.chain-key} (at least 32 bytes, in base64). The platform
 * does not start without one: a chain anyone could re-seal proves nothing. The key published in application.yml is for
 * the embedded development set-up only; a real deployment keeps its own outside the database, so that someone with
 * the database's rights cannot rewrite lines and seal them again.
 */
@Component
class AuditChainKey {

	private static final Logger log = LoggerFactory.getLogger(AuditChainKey.class);

	/** The key published in application.yml for development. */
	static final String DEVELOPMENT_KEY = "YW1vLWRldmVsb3BtZW50LWF1ZGl0LWNoYWluLWtleSE=";

	private static final int SHORTEST = 32;

	AuditChainKey(Environment environment) {
		String configured = environment.getProperty("amo.audit.chain-key");
		byte[] key;
		try {
			key = configured == null ? new byte[0] : Base64.getDecoder().decode(configured.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("amo.audit.chain-key is not base64", e);
		}
		if (key.length < SHORTEST) {
			throw new IllegalStateException("amo.audit.chain-key must be at least " + SHORTEST
					+ " bytes in base64 (openssl rand -base64 32)");
		}
		if (DEVELOPMENT_KEY.equals(configured.strip()) && environment.getProperty("spring.datasource.url") != null) {
			log.warn("amo.audit.chain-key is the published development key while an external database is used: set "
					+ "AMO_AUDIT_CHAIN_KEY to a key of your own (openssl rand -base64 32), kept outside the database");
		}
		ChainHash.key(key);
	}
}
