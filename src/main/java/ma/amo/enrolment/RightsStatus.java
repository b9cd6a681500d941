package ma.amo.enrolment;

/** Where a person's rights stand on a date. */
public enum RightsStatus {
	/** Care on that date is covered. */
	OPEN,
	/** Enrolled, but the waiting period (stage) is not over. */
	WAITING,
	/** Enrolled, but rights are suspended (e.g. a payment is missing). */
	SUSPENDED,
	/** Not covered: never enrolled, enrolment ended, age limit reached or death. */
	CLOSED
}
