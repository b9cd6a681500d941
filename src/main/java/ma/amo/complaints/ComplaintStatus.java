package ma.amo.complaints;

/**
 * Where a complaint stands. FILED, then ACKNOWLEDGED (the 15-day clock stops), optionally ASSIGNED to an agent (again
 * to reassign), ANSWERED (the 60-day clock stops), CLOSED once answered. ESCALATED to the regulator (ANAM) from an
 * acknowledged, assigned or answered complaint, once; an escalated complaint still owes its answer within 60 days, so
 * it may be ANSWERED then, and it is CLOSED once answered.
 */
public enum ComplaintStatus {
	FILED("Déposée"),
	ACKNOWLEDGED("Accusé de réception envoyé"),
	ASSIGNED("Confiée à un gestionnaire"),
	ANSWERED("Réponse envoyée"),
	ESCALATED("Transmise à l'ANAM"),
	CLOSED("Clôturée");

	private final String label;

	ComplaintStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
