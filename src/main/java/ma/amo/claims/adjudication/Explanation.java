package ma.amo.claims.adjudication;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reason on a line: the code of the reason catalogue, the French text a member, a provider or an auditor reads
 * (empty when the code says it all) and the figures used, by name (base, rate, ceiling, amount already covered...).
 */
public record Explanation(String code, String text, Map<String, Object> figures) {

	public Explanation {
		text = text == null ? "" : text;
		figures = figures == null || figures.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
	}

	Explanation(String code, String text) {
		this(code, text, Map.of());
	}

	/** The reason as one text, {@code CODE: text}, as the claim's lines have always shown it. */
	public String french() {
		return text.isEmpty() ? code : code + ": " + text;
	}

	/** Figures in the order given: name, value, name, value... (amounts as numbers). */
	static Map<String, Object> figures(Object... namesAndValues) {
		Map<String, Object> figures = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			figures.put((String) namesAndValues[i], value instanceof ma.amo.shared.Money money ? money.amount() : value);
		}
		return figures;
	}
}
