package ma.amo.support;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.payments.Rib;

/** Bank accounts for the payees of tests that make payment batches: transfers go only to a recorded account. */
public final class Payees {

	private Payees() {
	}

	/** A valid RIB of the payee's own (its digits as the account number), recorded from today. */
	public static String account(Api api, String payeeKind, String payee) {
		String first22 = "011780" + "0".repeat(16 - payee.length()) + payee;
		String rib = first22 + Rib.keyOf(first22);
		Api.Response recorded = api.post("/api/v1/bank-accounts/" + payeeKind + "/" + payee, "{\"rib\":\"" + rib + "\"}");
		assertThat(recorded.status()).as(recorded.raw()).isIn(200, 201);
		return rib;
	}

	/**
	 * Prepares a payment batch as {@code api}'s account and, when it is a new one, has a second finance account approve
	 * it (four eyes): its claims are then paid. Answers the preparation.
	 */
	public static Api.Response approvedBatch(Api api, String payerBody, String cutOff, String idempotencyKey) {
		Api.Response prepared = api.post("/api/v1/payment-batches",
				"{\"payerBody\":\"%s\",\"cutOff\":\"%s\"}".formatted(payerBody, cutOff), "Idempotency-Key", idempotencyKey);
		if (prepared.status() == 201 && !"APPROVED".equals(prepared.body().path("status").asText())) {
			Api.Response approved = Users.as(api, "FINANCE", null, null, null)
				.post("/api/v1/payment-batches/" + prepared.body().get("id").asLong() + "/approval", "");
			assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		}
		return prepared;
	}
}
