package ma.amo.claims.adjudication;

/**
 * One business rule of adjudication: a reason code, the French label a member, a provider or an auditor reads, and
 * its source. Rules run in the order of {@link Rules}; each reads the claim and the decisions so far and records its
 * own on the lines.
 */
public interface Rule {

	String code();

	String label();

	String source();

	void apply(Adjudicating claim);
}
