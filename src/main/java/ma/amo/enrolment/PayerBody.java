package ma.amo.enrolment;

/** The bodies that manage AMO (organismes gestionnaires). */
public enum PayerBody {
	CNSS, CNOPS
}
