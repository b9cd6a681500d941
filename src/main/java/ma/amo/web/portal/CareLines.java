package ma.amo.web.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ma.amo.approvals.ApprovalRequest;
import ma.amo.claims.ClaimRequest;
import ma.amo.tariffs.Quotes;
import org.springframework.util.MultiValueMap;

/**
 * The lines of care typed in a provider's form (an act or a medicine, its code, coefficient, quantity and billed
 * amount), read from the repeated fields of the form and checked where they enter: each field bounded in length,
 * characters and range, each problem named in French beside its field. Amounts may be typed the French way
 * ({@code 1 234,50}).
 */
final class CareLines {

	/** More lines than a form typed by hand has; a longer invoice comes from the establishment's system. */
	static final int MOST_LINES = 50;
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,19}");
	private static final BigDecimal MOST_BILLED = new BigDecimal("9999999.99");
	private static final BigDecimal MOST_COEFFICIENT = new BigDecimal("1000");

	/** A line as typed, kept to show the form again. */
	record Typed(String type, String code, String coefficient, String quantity, String billed) {
	}

	/** A line read: an act or a medicine with its figures. */
	record Line(boolean medicine, String code, BigDecimal coefficient, Integer quantity, BigDecimal billed) {

		Quotes.Line forQuote() {
			return medicine ? new Quotes.Line(null, null, code, quantity, billed)
					: new Quotes.Line(code, coefficient, null, quantity, billed);
		}

		ApprovalRequest.Line forApproval() {
			return medicine ? new ApprovalRequest.Line(null, null, code, quantity, billed)
					: new ApprovalRequest.Line(code, coefficient, null, quantity, billed);
		}

		ClaimRequest.Line forClaim() {
			return medicine ? new ClaimRequest.Line(null, null, code, quantity, billed)
					: new ClaimRequest.Line(code, coefficient, null, quantity, billed);
		}
	}

	/** The lines typed, those read, and the problems by field ({@code lines[0].billed} → French text). */
	record Read(List<Typed> typed, List<Line> lines, Map<String, String> errors) {

		boolean valid() {
			return errors.isEmpty();
		}

		/** The lines typed with something in them (an empty last row is not a line). */
		boolean empty() {
			return lines.isEmpty() && errors.isEmpty();
		}
	}

	private CareLines() {
	}

	static Read read(MultiValueMap<String, String> form) {
		List<String> types = form.getOrDefault("type", List.of());
		int rows = types.size();
		List<Typed> typed = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		if (rows > MOST_LINES) {
			errors.put("lines", "Lignes : " + MOST_LINES + " au plus par saisie");
			return new Read(List.of(), List.of(), errors);
		}
		for (int i = 0; i < rows; i++) {
			Typed row = new Typed(at(types, i), at(form.get("code"), i), at(form.get("coefficient"), i),
					at(form.get("quantity"), i), at(form.get("billed"), i));
			if (row.code().isEmpty() && row.coefficient().isEmpty() && row.quantity().isEmpty() && row.billed().isEmpty()) {
				continue;
			}
			String field = "lines[" + typed.size() + "].";
			typed.add(row);
			boolean medicine = "MEDICINE".equals(row.type());
			if (!medicine && !"ACT".equals(row.type())) {
				errors.put(field + "type", "Type : acte ou médicament");
			}
			String code = row.code().strip().toUpperCase(java.util.Locale.ROOT);
			if (code.isEmpty()) {
				errors.put(field + "code", "Code : à renseigner");
			}
			else if (!CODE.matcher(code).matches()) {
				errors.put(field + "code", "Code : 20 caractères au plus, lettres, chiffres, point, tiret");
			}
			BigDecimal coefficient = decimal(errors, field + "coefficient", "Coefficient", row.coefficient(), MOST_COEFFICIENT,
					false);
			if (coefficient != null && coefficient.signum() <= 0) {
				errors.put(field + "coefficient", "Coefficient : supérieur à 0");
			}
			Integer quantity = quantity(errors, field + "quantity", row.quantity(), medicine);
			BigDecimal billed = decimal(errors, field + "billed", "Montant facturé", row.billed(), MOST_BILLED, true);
			lines.add(new Line(medicine, code, medicine ? null : coefficient, quantity, billed));
		}
		return new Read(typed, errors.isEmpty() ? lines : List.of(), errors);
	}

	/** An amount or a coefficient: two decimals at most, from 0 to {@code most}, a comma or a point as separator. */
	private static BigDecimal decimal(Map<String, String> errors, String field, String label, String typed,
			BigDecimal most, boolean required) {
		String text = typed.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.');
		if (text.isEmpty()) {
			if (required) {
				errors.put(field, label + " : à renseigner");
			}
			return null;
		}
		if (text.length() > 15 || !text.matches("\\d{1,10}(\\.\\d{1,2})?")) {
			errors.put(field, label + " : un nombre, deux décimales au plus");
			return null;
		}
		BigDecimal value = new BigDecimal(text);
		if (value.compareTo(most) > 0) {
			errors.put(field, label + " : " + most.toPlainString() + " au plus");
			return null;
		}
		return value;
	}

	private static Integer quantity(Map<String, String> errors, String field, String typed, boolean medicine) {
		String text = typed.strip();
		if (text.isEmpty()) {
			if (medicine) {
				errors.put(field, "Quantité : à renseigner pour un médicament");
			}
			return null;
		}
		if (!text.matches("\\d{1,6}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 100_000) {
			errors.put(field, "Quantité : un nombre entier de 1 à 100000");
			return null;
		}
		return Integer.parseInt(text);
	}

	private static String at(List<String> values, int i) {
		if (values == null || i >= values.size() || values.get(i) == null) {
			return "";
		}
		String value = values.get(i);
		// Bounded before anything reads it: a field is never longer than this in a real form.
		return value.length() > 40 ? value.substring(0, 41) : value;
	}
}
