package ma.amo.web.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Violation;
import org.springframework.context.MessageSource;

/**
 * What a refused form shows next to its fields: each problem with the field it names and the rule it broke, in the
 * page's language (the area's bundle: {@code agents.field.<field>} and {@code agents.rule.<rule>}); the services'
 * own messages are for APIs and logs, not for the page.
 */
final class Problems {

	/** A problem to show: the field (the form's input it belongs to) and the sentence. */
	record Problem(String field, String text) {
	}

	private Problems() {
	}

	static List<Problem> of(InvalidInput invalid, MessageSource messages, Locale locale) {
		List<Problem> problems = new ArrayList<>();
		for (Violation v : invalid.violations()) {
			problems.add(problem(v.field(), v.rule(), messages, locale));
		}
		return problems;
	}

	static List<Problem> of(RuleBroken broken, MessageSource messages, Locale locale) {
		return List.of(problem(broken.field(), broken.rule(), messages, locale));
	}

	static Problem problem(String field, String rule, MessageSource messages, Locale locale) {
		String name = messages.getMessage("agents.field." + field, null, field, locale);
		String text = messages.getMessage("agents.rule." + rule, null,
				messages.getMessage("agents.rule.other", null, "valeur non acceptée", locale), locale);
		return new Problem(field, name + " : " + text);
	}

	/** The problem of one field of the page's own checks. */
	static List<Problem> one(String field, String rule, MessageSource messages, Locale locale) {
		return List.of(problem(field, rule, messages, locale));
	}
}
