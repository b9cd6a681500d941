package ma.amo.tariffs;

/**
 * What the quote made of a line: priced, or why nothing can be covered on it (the claims engine rejects such a line,
 * the quote shows it at 0).
 */
public enum PricingOutcome {
	PRICED,
	/** The act is excluded from the basket of care (cosmetic surgery, acupuncture...). */
	EXCLUDED_ACT,
	/** The medicine is at 0 % in the referential. */
	NOT_REIMBURSABLE_MEDICINE,
	/** The act's key letter has no value in the tariff version (B, SF, AMI in 2006). */
	KEY_LETTER_WITHOUT_VALUE,
	/** The stay's daily rate or the item's flat amount has no value in the tariff version. */
	AMOUNT_WITHOUT_VALUE;

	/** Nothing can be covered on the line. */
	public boolean refused() {
		return this != PRICED;
	}
}
