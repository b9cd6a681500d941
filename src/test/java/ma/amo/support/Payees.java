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
}
