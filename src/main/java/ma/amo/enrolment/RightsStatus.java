package ma.amo.enrolment;

/** Where a person's rights stand on a date. */
public enum RightsStatus {
	/** Care on that date is covered. */
	OPEN("ouverts"),
	/** Enrolled, but the waiting period (stage) is not over. */
	WAITING("en stage"),
	/** Enrolled, but rights are suspended (e.g. a payment is missing). */
	SUSPENDED("suspendus"),
	/** Not covered: never enrolled, enrolment ended, age limit reached or death. */
	CLOSED("fermés");

	private final String french;

	RightsStatus(String french) {
		this.french = french;
	}

	/** "droits suspendus": the status in French texts, which never show the code. */
	public String french() {
		return french;
	}
}
