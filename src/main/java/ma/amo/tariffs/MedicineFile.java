package ma.amo.tariffs;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.Rate;
import ma.amo.shared.TabularFile;

/**
 * Reads a medicines referential as the payer publishes it (Excel or CSV). Columns are recognised by name in the
 * payer's spelling ({@code CODE, NOM, DCI1, DOSAGE1, UNITE_DOSAGE1, FORME, PRESENTATION, PPV, PH, PRIX_BR,
 * PRINCEPS_GENERIQUE, TAUX_REMBOURSEMENT}) or in the flattened one ({@code code, name, dci, dosage, form, ...,
 * classe_therapeutique}); rates as {@code 70%} or {@code 70}; decimal comma or point.
 */
final class MedicineFile {

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("code", "code"),
			Map.entry("nom", "name"), Map.entry("name", "name"), Map.entry("dci1", "dci"), Map.entry("dci", "dci"),
			Map.entry("dosage1", "dosage"), Map.entry("dosage", "dosage"), Map.entry("unite_dosage1", "unit"),
			Map.entry("forme", "form"), Map.entry("form", "form"), Map.entry("presentation", "presentation"),
			Map.entry("ppv", "ppv"), Map.entry("ph", "ph"), Map.entry("prix_br", "prix_br"),
			Map.entry("princeps_generique", "pg"), Map.entry("taux_remboursement", "rate"),
			Map.entry("classe_therapeutique", "class"));
	/** The header must have these columns, dosage included. */
	private static final List<String> HEADER = List.of("code", "name", "dci", "dosage", "form", "presentation", "ppv",
			"prix_br", "pg", "rate");
	/** Dosage may be empty: solutions such as haemodialysis concentrates have none in the payer's files. */
	private static final List<String> REQUIRED = List.of("code", "name", "dci", "form", "presentation", "ppv",
			"prix_br", "pg", "rate");

	record Rejected(long line, String field, String reason) {
	}

	record Parsed(List<Medicine> medicines, List<Rejected> rejected) {
	}

	private MedicineFile() {
	}

	static Parsed read(InputStream content, boolean excel, ma.amo.shared.ImportProgress progress) {
		List<Medicine> medicines = new ArrayList<>();
		List<Rejected> rejected = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		List<TabularFile.Row> rows = TabularFile.read(content, excel, COLUMNS, HEADER);
		int checked = 0;
		for (TabularFile.Row row : rows) {
			progress.checked(++checked, rows.size());
			try {
				Medicine medicine = medicine(row.values());
				Long first = seen.putIfAbsent(medicine.code(), row.line());
				if (first != null) {
					rejected.add(new Rejected(row.line(), "code", "duplicate code " + medicine.code() + " (first on line " + first + ")"));
				}
				else {
					medicines.add(medicine);
				}
			}
			catch (InvalidInput e) {
				rejected.add(new Rejected(row.line(), e.violations().getFirst().field(), e.violations().getFirst().message()));
			}
		}
		return new Parsed(medicines, rejected);
	}

	private static Medicine medicine(Map<String, String> row) {
		for (String column : REQUIRED) {
			if (row.getOrDefault(column, "").isBlank()) {
				throw new InvalidInput(display(column), "required", "is required");
			}
		}
		String code = row.get("code");
		if (!code.matches("\\d{13}")) {
			throw new InvalidInput("code", "ean13", "must have 13 digits");
		}
		String pg = row.get("pg").toUpperCase(Locale.ROOT);
		if (!pg.equals("P") && !pg.equals("G")) {
			throw new InvalidInput("princeps_generique", "enum", "must be P or G");
		}
		int rate;
		try {
			rate = Integer.parseInt(row.get("rate").replace("%", "").strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInput("taux_remboursement", "percent", "'" + row.get("rate") + "' is not a rate like 70%");
		}
		if (rate < 0 || rate > 100) {
			throw new InvalidInput("taux_remboursement", "percent", "must be between 0% and 100%");
		}
		String dosage = row.getOrDefault("dosage", "") + (row.getOrDefault("unit", "").isBlank() ? "" : " " + row.get("unit"));
		String ph = row.getOrDefault("ph", "");
		return new Medicine(code, row.get("name"), row.get("dci"), dosage.strip(), row.get("form"),
				row.get("presentation"), price(row.get("ppv"), "ppv"), ph.isBlank() ? null : price(ph, "ph"),
				price(row.get("prix_br"), "prix_br"), pg.charAt(0), Rate.percent(rate),
				row.getOrDefault("class", "").isBlank() ? null : row.get("class"));
	}

	private static Money price(String value, String field) {
		try {
			BigDecimal amount = new BigDecimal(value.replace(',', '.').replace(" ", ""));
			if (amount.signum() < 0) {
				throw new InvalidInput(field, "positive", "must not be negative");
			}
			String problem = InputBounds.magnitudeProblem(amount);
			if (problem != null) {
				throw new InvalidInput(field, "amount", problem);
			}
			return new Money(amount);
		}
		catch (NumberFormatException e) {
			throw new InvalidInput(field, "amount", "'" + value + "' is not an amount");
		}
	}

	private static String display(String column) {
		return switch (column) {
			case "pg" -> "princeps_generique";
			case "rate" -> "taux_remboursement";
			default -> column;
		};
	}
}
