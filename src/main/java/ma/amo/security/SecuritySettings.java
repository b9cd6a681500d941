package ma.amo.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lockoutAttempts failed logins in a row that lock an account
 * @param lockoutMinutes how long a locked account stays locked
 * @param maxJsonBytes the largest JSON body accepted (file uploads have their own, larger limit)
 * @param rateLimit requests per second allowed to one client (a user, a system, an address), with a burst
 * @param administrator the first administrator, created at start when missing
 * @param tokenSigningKey the RSA private key (PKCS#8, PEM or base64) that signs the platform's tokens; generated at
 *        start when absent (development only)
 * @param sessionTokenMinutes the lifetime of the token a person gets by signing in ({@code POST /api/v1/sessions})
 */
@ConfigurationProperties("amo.security")
record SecuritySettings(int lockoutAttempts, int lockoutMinutes, long maxJsonBytes, RateLimit rateLimit,
		Administrator administrator, String tokenSigningKey, int sessionTokenMinutes) {

	SecuritySettings {
		lockoutAttempts = lockoutAttempts <= 0 ? 5 : lockoutAttempts;
		lockoutMinutes = lockoutMinutes <= 0 ? 15 : lockoutMinutes;
		maxJsonBytes = maxJsonBytes <= 0 ? 1_048_576 : maxJsonBytes;
		sessionTokenMinutes = sessionTokenMinutes <= 0 ? 15 : sessionTokenMinutes;
		rateLimit = rateLimit == null ? new RateLimit(true, 0, 0, Map.of()) : rateLimit;
	}

	/** @param clients a lower or higher rate for named clients */
	record RateLimit(boolean enabled, int perSecond, int burst, Map<String, Integer> clients) {
		RateLimit {
			perSecond = perSecond <= 0 ? 500 : perSecond;
			burst = burst <= 0 ? 2 * perSecond : burst;
			clients = clients == null ? Map.of() : clients;
		}
	}

	record Administrator(String username, String password) {
	}
}
