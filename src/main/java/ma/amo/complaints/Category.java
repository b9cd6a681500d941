package ma.amo.complaints;

/** What a complaint is about; data-protection requests under loi 09-08 (CNDP) are complaints of their own kind. */
public enum Category {
	REIMBURSEMENT_DELAY("Retard de remboursement"),
	REFUSAL("Refus de prise en charge ou de remboursement"),
	RIGHTS("Droits et immatriculation"),
	PROVIDER_BEHAVIOUR("Comportement d'un professionnel ou d'un établissement de santé"),
	DATA_PROTECTION_ACCESS("Protection des données : demande d'accès (loi 09-08)"),
	DATA_PROTECTION_CORRECTION("Protection des données : demande de rectification (loi 09-08)");

	private final String label;

	Category(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A data-protection request concerns a person's own data, so only an insured person can make one. */
	public boolean dataProtection() {
		return this == DATA_PROTECTION_ACCESS || this == DATA_PROTECTION_CORRECTION;
	}
}
