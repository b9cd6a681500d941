package ma.amo.tariffs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.Rate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
	/** Dosage may be empty: solutions such as haemodialysis concentrates have none in the payer's files. */
	private static final List<String> REQUIRED = List.of("code", "name", "dci", "form", "presentation", "ppv",
			"prix_br", "pg", "rate");

	record Rejected(long line, String field, String reason) {
	}

	record Parsed(List<Medicine> medicines, List<Rejected> rejected) {
	}

	private MedicineFile() {
	}

	static Parsed read(InputStream content, boolean excel) {
		List<Map<String, String>> rows = new ArrayList<>();
		List<Long> lines = new ArrayList<>();
		if (excel) {
			excel(content, rows, lines);
		}
		else {
			csv(content, rows, lines);
		}
		List<Medicine> medicines = new ArrayList<>();
		List<Rejected> rejected = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			long line = lines.get(i);
			try {
				Medicine medicine = medicine(rows.get(i));
				Long first = seen.putIfAbsent(medicine.code(), line);
				if (first != null) {
					rejected.add(new Rejected(line, "code", "duplicate code " + medicine.code() + " (first on line " + first + ")"));
				}
				else {
					medicines.add(medicine);
				}
			}
			catch (InvalidInput e) {
				rejected.add(new Rejected(line, e.violations().getFirst().field(), e.violations().getFirst().message()));
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
			return new Money(amount);
		}
		catch (NumberFormatException e) {
			throw new InvalidInput(field, "amount", "'" + value + "' is not an amount");
		}
	}

	/** Comma or semicolon separated (French Excel exports use semicolons and decimal commas). */
	private static void csv(InputStream content, List<Map<String, String>> rows, List<Long> lines) {
		java.io.BufferedInputStream input = new java.io.BufferedInputStream(content);
		try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator(input)).allowMissingFields(true)
			.allowExtraFields(true).ofCsvRecord(new InputStreamReader(input, StandardCharsets.UTF_8))) {
			Map<Integer, String> header = null;
			for (CsvRecord record : reader) {
				if (header == null) {
					header = header(record.getFields());
					continue;
				}
				Map<String, String> row = new HashMap<>();
				for (var column : header.entrySet()) {
					row.put(column.getValue(),
							column.getKey() < record.getFieldCount() ? record.getField(column.getKey()).strip() : "");
				}
				rows.add(row);
				lines.add(record.getStartingLineNumber());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static char separator(java.io.BufferedInputStream input) throws IOException {
		input.mark(1 << 14);
		String head = new String(input.readNBytes(1 << 13), StandardCharsets.UTF_8).lines().findFirst().orElse("");
		input.reset();
		return head.chars().filter(c -> c == ';').count() > head.chars().filter(c -> c == ',').count() ? ';' : ',';
	}

	/** The first sheet; the header is the first row with a cell reading CODE. */
	private static void excel(InputStream content, List<Map<String, String>> rows, List<Long> lines) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (XSSFWorkbook workbook = new XSSFWorkbook(content)) {
			Map<Integer, String> header = null;
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
				}
				if (header == null) {
					if (cells.stream().anyMatch(c -> c.equalsIgnoreCase("code"))) {
						header = header(cells);
					}
					continue;
				}
				if (cells.stream().allMatch(String::isEmpty)) {
					continue;
				}
				Map<String, String> values = new HashMap<>();
				for (var column : header.entrySet()) {
					values.put(column.getValue(), column.getKey() < cells.size() ? cells.get(column.getKey()) : "");
				}
				rows.add(values);
				lines.add(row.getRowNum() + 1L);
			}
			if (header == null) {
				throw new InvalidInput("file", "header", "no header row with a CODE column in the first sheet");
			}
		}
		catch (IOException e) {
			throw new InvalidInput("file", "xlsx", "not a readable Excel (.xlsx) file");
		}
	}

	private static String display(String column) {
		return switch (column) {
			case "pg" -> "princeps_generique";
			case "rate" -> "taux_remboursement";
			default -> column;
		};
	}

	private static Map<Integer, String> header(List<String> names) {
		Map<Integer, String> header = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String column = COLUMNS.get(names.get(i).strip().toLowerCase(Locale.ROOT));
			if (column != null) {
				header.put(i, column);
			}
		}
		for (String required : java.util.stream.Stream.concat(REQUIRED.stream(), java.util.stream.Stream.of("dosage")).toList()) {
			if (!header.containsValue(required)) {
				throw new InvalidInput("file", "header", "the header lacks the column " + display(required));
			}
		}
		return header;
	}
}
