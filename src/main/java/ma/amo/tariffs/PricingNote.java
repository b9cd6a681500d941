package ma.amo.tariffs;

/**
 * The notes a quote puts on a line to show how it was priced (the figures used), as opposed to the decisions of
 * adjudication: each with the French label of the reason catalogue.
 */
public enum PricingNote {
	TARIFF_VERSION("Version du tarif national de référence appliquée à la date des soins"),
	NAMED_ACT("Lettre clé et coefficient d'un acte nommé: tarifé comme cet acte"),
	EXCLUDED_ACT("Acte exclu du panier de soins"),
	KEY_LETTER_WITHOUT_VALUE("Lettre clé sans valeur dans la version du tarif"),
	BASE("Base de remboursement: valeur de la lettre clé × coefficient"),
	DAILY_RATE("Base de remboursement d'un séjour: tarif journalier × nombre de jours"),
	FLAT_AMOUNT("Base de remboursement d'un article: forfait × quantité"),
	AMOUNT_WITHOUT_VALUE("Tarif journalier ou forfait sans valeur dans la version du tarif"),
	PRIOR_APPROVAL_REQUIRED("Soin soumis à accord préalable"),
	MEDICINE_BASE("Base de remboursement du médicament × quantité"),
	NOT_REIMBURSABLE_MEDICINE("Médicament remboursé à 0 % dans le référentiel"),
	BILLED_ABOVE_BASE("Facturé au-dessus de la base: remboursé sur la base, le dépassement reste à la charge du patient"),
	RATE("Taux de couverture du régime pour la catégorie de soins, le secteur et l'exonération");

	private final String label;

	PricingNote(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
