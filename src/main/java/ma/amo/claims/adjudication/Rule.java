package ma.amo.claims.adjudication;

import java.util.List;
import java.util.Map;

import ma.amo.claims.Claim;

/**
 * One business rule of adjudication: a reason code, the French label a member, a provider or an auditor reads, and
 * its source. Rules run in the order of {@link Rules}; each reads the claim and the decisions so far and records its
 * own on the lines, or, for a rule of kind REVIEW, says why the claim goes to an agent.
 */
public interface Rule {

	String code();

	String label();

	String source();

	/** DECISION: decides on the lines; REVIEW: sends the claim to an agent without changing its lines. */
	default ReasonCatalogue.Kind kind() {
		return ReasonCatalogue.Kind.DECISION;
	}

	void apply(Adjudicating claim);

	/**
	 * Before the claims of a chunk are adjudicated together: reads at once, into the chunk's lookups, what the rule
	 * would otherwise read claim by claim (the answers are the same; only the round trips differ).
	 */
	default void prepare(List<Claim> chunk, Map<Object, Object> lookups) {
	}
}
