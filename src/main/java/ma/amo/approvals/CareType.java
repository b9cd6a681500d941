package ma.amo.approvals;

/**
 * The care a prior approval is asked for (amo-rules.md, "Procedures and deadlines": hospitalisation, costly
 * medicines, multi-session acts, orthodontics, listed devices). A series is approved as a number of sessions.
 */
public enum CareType {
	HOSPITAL_STAY("Hospitalisation", false),
	SURGERY("Acte chirurgical", false),
	CHEMOTHERAPY("Protocole de chimiothérapie", true),
	DIALYSIS("Séances de dialyse", true),
	COSTLY_MEDICINE("Médicament coûteux", false),
	PHYSIOTHERAPY("Séances de kinésithérapie", true),
	SPEECH_THERAPY("Séances d'orthophonie", true),
	ORTHODONTICS("Traitement orthodontique", false),
	DEVICE("Dispositif médical de la liste", false);

	private final String label;
	private final boolean series;

	CareType(String label, boolean series) {
		this.label = label;
		this.series = series;
	}

	public String label() {
		return label;
	}

	/** Care given in sessions: the request says how many, the approval grants a number. */
	public boolean series() {
		return series;
	}
}
