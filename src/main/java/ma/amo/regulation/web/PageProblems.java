package ma.amo.regulation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The problems of the regulator's forms as the pages show them: each beside the field it names, in the reader's
 * language ({@code regulation.field.*} and {@code regulation.rule.*} of the regulation bundle). The services name
 * fields by their API names, and the forms use the same names, so a refusal of the service lands beside the field
 * typed.
 */
@Component
public class PageProblems {

	private final MessageSource messages;

	PageProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** The problems found by the page itself: field → rule. */
	public Map<String, String> of(Map<String, String> rules, Locale locale) {
		return of(rules, locale, null);
	}

	/**
	 * The same, where a page names a field its own way: {@code regulation.field.<page>.<field>} first (the guide's
	 * "name" is a medicine's, the INPE form's an establishment's).
	 */
	public Map<String, String> of(Map<String, String> rules, Locale locale, String page) {
		Map<String, String> shown = new LinkedHashMap<>();
		rules.forEach((field, rule) -> shown.put(field, describe(page == null ? field : page + "." + field, field, rule, locale)));
		return shown;
	}

	/** A service's refusal: its violations, its broken rule or what it did not find. */
	public Map<String, String> of(RuntimeException refusal, Locale locale) {
		List<Violation> violations = switch (refusal) {
			case InvalidInput invalid -> invalid.violations();
			case RuleBroken broken -> List.of(new Violation(broken.field(), broken.rule(), broken.getMessage()));
			case NotFound missing -> List.of(new Violation(missing.field(), "not-found", missing.getMessage()));
			case AccessRefused refused -> List.of(new Violation("page", "refused", refused.getMessage()));
			default -> throw refusal;
		};
		Map<String, String> shown = new LinkedHashMap<>();
		for (Violation v : violations) {
			String field = v.field() == null ? "page" : v.field();
			shown.putIfAbsent(field, describe(field, v.rule(), locale));
		}
		return shown;
	}

	String describe(String field, String rule, Locale locale) {
		return describe(field, field, rule, locale);
	}

	private String describe(String labelKey, String field, String rule, Locale locale) {
		// The steps of a request each refuse with their own rule (step-approval, step-answer...): one sentence says it.
		String key = rule == null ? "other" : rule.startsWith("step-") ? "step" : rule;
		String label = messages.getMessage("regulation.field." + labelKey, null,
				messages.getMessage("regulation.field." + field, null, field, locale), locale);
		String text = messages.getMessage("regulation.rule." + key, null, null, locale);
		return label + " : " + (text == null ? messages.getMessage("regulation.rule.other", null, locale) : text);
	}
}
