package ma.amo.claims.adjudication;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The rules of adjudication in the order they run (each class's {@code @Order}): rights, filing deadline, providers,
 * ALD exemption, pricing, children's cover, prior approval, duplicates, one consultation a day, ceilings, care pathway,
 * Tadamon in public care.
 * The same claim and referentials always give the same decisions.
 */
@Component
public class Rules {

	private final List<Rule> rules;

	Rules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** Runs every rule on the claim. */
	public void apply(Adjudicating claim) {
		for (Rule rule : rules) {
			rule.apply(claim);
		}
	}

	/** The reason codes with their labels and sources, in the order the rules run. */
	public List<Rule> catalogue() {
		return rules;
	}
}
