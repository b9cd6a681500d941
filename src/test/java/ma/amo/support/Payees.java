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
		String rib = Rib.parse("rib", first22 + key(first22)).digits();
		Api.Response recorded = api.post("/api/v1/bank-accounts/" + payeeKind + "/" + payee, "{\"rib\":\"" + rib + "\"}");
		assertThat(recorded.status()).as(recorded.raw()).isIn(200, 201);
		return rib;
	}

	private static String key(String first22) {
		int remainder = 0;
		for (char c : first22.toCharArray()) {
			remainder = (remainder * 10 + c - '0') % 97;
		}
		int key = 97 - (remainder * 100) % 97;
		return (key < 10 ? "0" : "") + key;
	}
}
