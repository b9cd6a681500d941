package ma.amo.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import ma.amo.providers.ProviderDirectory.NewEstablishment;
import ma.amo.shared.Violation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports lists of establishments in the Ministry of Health's open-data format, as its Excel original (a title row,
 * a header row, then data, a legend beside) or as CSV: region, delegation (province), commune, name, category.
 * Headers are recognised in French or English, with or without accents. All or nothing: one bad row and nothing is
 * registered; the answer lists every bad row. Importing a list twice registers nothing twice.
 */
@Service
public class EstablishmentImport {

	private static final List<String> COLUMNS = List.of("region", "province", "commune", "name", "category");
	private static final Map<String, String> HEADER_NAMES = Map.ofEntries(Map.entry("region", "region"),
			Map.entry("delegation", "province"), Map.entry("province", "province"), Map.entry("prefecture", "province"),
			Map.entry("commune", "commune"), Map.entry("name", "name"), Map.entry("etablissement", "name"),
			Map.entry("etablissement hospitalier", "name"), Map.entry("nom", "name"), Map.entry("category", "category"),
			Map.entry("categorie", "category"));

	private final ProviderDirectory directory;

	EstablishmentImport(ProviderDirectory directory) {
		this.directory = directory;
	}

	/** The outcome: registered and already known counts, or the rejected rows (then nothing was registered). */
	public record Outcome(int rowsRead, int registered, int alreadyKnown, List<Rejected> rejected) {
		public boolean imported() {
			return rejected.isEmpty();
		}
	}

	public record Rejected(long line, String field, String reason) {
	}

	public enum Format {
		CSV, XLSX
	}

	/**
	 * Imports the list; {@code categories} are the category codes accepted (e.g. HP, HR... for hospitals). Rows are
	 * registered in {@code sector}, active from {@code activeFrom}.
	 */
	@Transactional
	public Outcome load(InputStream content, Format format, Sector sector, Set<String> categories, LocalDate activeFrom) {
		List<Line> lines = format == Format.XLSX ? excel(content) : csv(content);
		List<Rejected> rejected = new ArrayList<>();
		List<Line> valid = new ArrayList<>();
		for (Line line : lines) {
			Rejected problem = check(line, categories);
			if (problem != null) {
				rejected.add(problem);
			}
			else {
				valid.add(line);
			}
		}
		if (!rejected.isEmpty()) {
			return new Outcome(lines.size(), 0, 0, rejected);
		}
		int registered = 0;
		for (Line line : valid) {
			Map<String, String> v = line.values();
			if (directory.register(new NewEstablishment(v.get("name"), v.get("category"), sector, v.get("region"),
					v.get("province"), v.get("commune")), activeFrom).created()) {
				registered++;
			}
		}
		return new Outcome(lines.size(), registered, valid.size() - registered, List.of());
	}

	private record Line(long number, Map<String, String> values) {
	}

	private static Rejected check(Line line, Set<String> categories) {
		if (line.values().containsKey("")) {
			return new Rejected(line.number(), line.values().get(""), "the header lacks this column");
		}
		for (String column : COLUMNS) {
			String value = line.values().get(column);
			if (value == null || value.isBlank()) {
				return new Rejected(line.number(), column, "is required");
			}
			if (value.length() > 200) {
				return new Rejected(line.number(), column, "is longer than 200 characters");
			}
		}
		String category = line.values().get("category");
		if (!categories.isEmpty() && !categories.contains(category)) {
			return new Rejected(line.number(), "category", "'" + category + "' is not one of " + categories);
		}
		return null;
	}

	private static List<Line> csv(InputStream content) {
		List<Line> lines = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
			.ofCsvRecord(new InputStreamReader(content, StandardCharsets.UTF_8))) {
			Map<Integer, String> header = null;
			for (CsvRecord record : reader) {
				if (header == null) {
					header = header(record.getFields());
					continue;
				}
				Map<String, String> values = new HashMap<>();
				for (var column : header.entrySet()) {
					String value = column.getKey() < record.getFieldCount() ? record.getField(column.getKey()).strip() : "";
					values.put(column.getValue(), value);
				}
				lines.add(new Line(record.getStartingLineNumber(), missing(header, values)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return lines;
	}

	/** Reads the first sheet: the header is the first row whose first cell reads "Région" (or "region"). */
	private static List<Line> excel(InputStream content) {
		List<Line> lines = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.FRANCE);
		try (Workbook workbook = new XSSFWorkbook(content)) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<Integer, String> header = null;
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < COLUMNS.size(); i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
				}
				if (header == null) {
					if ("region".equals(fold(cells.getFirst()))) {
						header = header(cells);
					}
					continue;
				}
				if (cells.stream().allMatch(String::isEmpty)) {
					continue;
				}
				Map<String, String> values = new HashMap<>();
				for (var column : header.entrySet()) {
					values.put(column.getValue(), cells.get(column.getKey()));
				}
				lines.add(new Line(row.getRowNum() + 1L, missing(header, values)));
			}
			if (header == null) {
				throw new ma.amo.shared.InvalidInput(List.of(new Violation("file", "header",
						"no header row starting with 'Région' in the first sheet")));
			}
		}
		catch (IOException e) {
			throw new ma.amo.shared.InvalidInput("file", "xlsx", "not a readable Excel (.xlsx) file: " + e.getMessage());
		}
		return lines;
	}

	private static Map<Integer, String> header(List<String> names) {
		Map<Integer, String> header = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String column = HEADER_NAMES.get(fold(names.get(i)));
			if (column != null) {
				header.put(i, column);
			}
		}
		return header;
	}

	/** Marks a row whose header lacked a column, so that the check names that column. */
	private static Map<String, String> missing(Map<Integer, String> header, Map<String, String> values) {
		for (String column : COLUMNS) {
			if (!header.containsValue(column)) {
				values.put("", column);
			}
		}
		return values;
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
	}
}
