package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import ma.amo.parameters.ParameterValues;

/** Which act codes count towards which ceiling item on a date (parameter {@code claims.ceiling-items}, code:ITEM;...). */
final class CeilingItems {

	private CeilingItems() {
	}

	static Map<String, String> on(ParameterValues parameters, LocalDate date) {
		Map<String, String> items = new HashMap<>();
		for (String pair : parameters.text("claims.ceiling-items", date).split(";")) {
			String[] parts = pair.split(":");
			if (parts.length == 2) {
				items.put(parts[0].strip(), parts[1].strip());
			}
		}
		return items;
	}
}
