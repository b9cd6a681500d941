package ma.amo.tariffs;

import ma.amo.shared.Money;
import ma.amo.shared.Rate;

/**
 * A row of the medicines referential: EAN-13 code, name, active substance (DCI), dosage, form, presentation, public
 * price (PPV), hospital price (PH, optional), reimbursement base price (PRIX_BR), brand (P) or generic (G), and the
 * reimbursement rate (0 % for medicines not reimbursed).
 */
public record Medicine(String code, String name, String dci, String dosage, String form, String presentation,
		Money ppv, Money ph, Money prixBr, char brandOrGeneric, Rate reimbursementRate, String therapeuticClass) {

	public boolean generic() {
		return brandOrGeneric == 'G';
	}

	/** The price the payer reimburses on: {@code PPV} or {@code PRIX_BR}. */
	public Money price(String column) {
		return "PPV".equals(column) ? ppv : prixBr;
	}
}
