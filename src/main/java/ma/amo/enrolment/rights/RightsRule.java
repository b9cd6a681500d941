package ma.amo.enrolment.rights;

/**
 * The rules that decide a person's rights, each with the sentence an agent reads and its source (amo-rules.md,
 * "Rights").
 */
public enum RightsRule {
	DEATH("Les droits sont fermés le lendemain du décès", "loi 65-00"),
	NOT_ENROLLED("Aucune immatriculation ni rattachement à un assuré à cette date", "loi 65-00"),
	REGIME_RIGHTS_OPEN("Droits ouverts dans le régime", "loi 65-00"),
	SALARIED_WAITING_PERIOD("Stage: 54 jours de travail déclarés et payés sur au plus 6 mois", "cnss.ma/fr/faq-page/45"),
	ACHAMIL_WAITING_PERIOD("Stage de 3 mois du régime Achamil", "loi 60-22"),
	RIGHTS_SUSPENDED("Droits suspendus", "loi 60-22; draft loi 46-23"),
	REGIME_ENDED("Période dans le régime terminée, sans maintien des droits", "loi 65-00"),
	KEEP_RIGHTS("Maintien des droits après la fin des conditions (6 mois)", "cnss.ma/fr/faq-page/45"),
	DEPENDANT_OF_MEMBER("Ayant droit: suit les droits de l'assuré", "loi 65-00 art. 5"),
	CHILD_AGE_LIMIT("Enfant: limite d'âge atteinte (21 ans, 26 ans si étudiant, sans limite si handicapé)",
			"loi 65-00 art. 5"),
	SURVIVORS("Conjoint et enfants survivants: maintien 24 mois après le décès de l'assuré", "amo-rules.md"),
	DIVORCED_SPOUSE("Conjoint divorcé: maintien 12 mois après le divorce", "amo-rules.md"),
	DEPENDANT_ENDED("Rattachement à l'assuré terminé", "loi 65-00 art. 5");

	private final String label;
	private final String source;

	RightsRule(String label, String source) {
		this.label = label;
		this.source = source;
	}

	public String label() {
		return label;
	}

	public String source() {
		return source;
	}
}
