package ma.amo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Users of each role, created through the administrator's API, and a client logged in as each. */
public final class Users {

	public static final String PASSWORD = "a-long-test-password";

	private Users() {
	}

	/** A new user of {@code role} with its scope (payer body for an agent, INPE for a provider, IDCS for a member). */
	public static Api as(Api administrator, String role, String payerBody, String inpe, String idcs) {
		return as(administrator, role, payerBody, inpe, idcs, null);
	}

	/** The same, for an agent of a region. */
	public static Api as(Api administrator, String role, String payerBody, String inpe, String idcs, String region) {
		String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
		Api.Response created = administrator.post("/api/v1/users", """
				{"username":"%s","password":"%s","role":"%s","payerBody":%s,"inpe":%s,"idcs":%s,"region":%s}"""
			.formatted(username, PASSWORD, role, quoted(payerBody), quoted(inpe), quoted(idcs), quoted(region)));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String secret = created.body().path("totpSecret").isTextual() ? created.body().get("totpSecret").asText() : null;
		return administrator.as(username, PASSWORD, secret);
	}

	public static Api medicalReviewer(Api administrator) {
		return as(administrator, "MEDICAL_REVIEWER", null, null, null);
	}

	public static Api dataProtectionOfficer(Api administrator) {
		return as(administrator, "DATA_PROTECTION_OFFICER", null, null, null);
	}

	private static String quoted(String value) {
		return value == null ? "null" : "\"" + value + "\"";
	}
}
