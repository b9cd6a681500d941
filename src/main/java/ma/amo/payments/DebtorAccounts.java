package ma.amo.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts the payer bodies pay from, named in the ISO 20022 transfer files as the debtor of each payment block.
 *
 * @param cnss the CNSS's account
 * @param cnops the CNOPS's account
 */
@ConfigurationProperties("amo.payments.debtor")
public record DebtorAccounts(Debtor cnss, Debtor cnops) {

	/**
	 * @param name the payer body's name as its bank knows it
	 * @param iban the account debited
	 * @param bic the bank's BIC, absent when the bank file goes to that bank directly
	 */
	public record Debtor(String name, String iban, String bic) {
	}

	Debtor of(String payerBody) {
		Debtor debtor = switch (payerBody) {
			case "CNSS" -> cnss;
			case "CNOPS" -> cnops;
			default -> null;
		};
		if (debtor == null || debtor.iban() == null || debtor.iban().isBlank() || debtor.name() == null
				|| debtor.name().isBlank()) {
			throw new IllegalStateException("amo.payments.debtor." + payerBody.toLowerCase()
					+ ".name and .iban must be configured to export transfers of " + payerBody);
		}
		return debtor;
	}
}
