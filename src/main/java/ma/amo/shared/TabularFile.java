package ma.amo.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the small reference files administrations publish, as CSV (comma or semicolon separated, as French Excel
 * exports are) or as the Excel original (first sheet; title rows and legends beside the table are skipped). Columns
 * are found by their header, matched without accents or case against the names given. Large register extracts do
 * not come through here: they are streamed by the register imports.
 */
public final class TabularFile {

	/** A data row: its line (CSV) or row number (Excel), and its values by column, blank as "". */
	public record Row(long line, Map<String, String> values) {
		public String get(String column) {
			return values.getOrDefault(column, "");
		}
	}

	/** Longer than any name, place or label of these files; each import checks its own lengths after. */
	private static final int LONGEST_VALUE = 1000;

	private TabularFile() {
	}

	/**
	 * @param names header texts (folded: lower case, no accents) and the column each stands for
	 * @param required columns the header must have; the header row is the first row that has them all
	 */
	public static List<Row> read(InputStream content, boolean excel, Map<String, String> names, List<String> required) {
		List<List<String>> rows = new ArrayList<>();
		List<Long> numbers = new ArrayList<>();
		if (excel) {
			excel(content, rows, numbers);
		}
		else {
			csv(content, rows, numbers);
		}
		for (int h = 0; h < rows.size(); h++) {
			Map<Integer, String> header = new HashMap<>();
			List<String> cells = rows.get(h);
			for (int i = 0; i < cells.size(); i++) {
				String column = names.get(fold(cells.get(i)));
				if (column != null) {
					header.putIfAbsent(i, column);
				}
			}
			if (!header.values().containsAll(required)) {
				if (excel) {
					continue;
				}
				throw new InvalidInput("file", "header", "the header lacks the column(s) " + String.join(", ",
						required.stream().filter(c -> !header.containsValue(c)).map(c -> headerName(names, c)).toList()));
			}
			List<Row> data = new ArrayList<>();
			List<Violation> unreadable = new ArrayList<>();
			for (int r = h + 1; r < rows.size(); r++) {
				List<String> row = rows.get(r);
				if (row.stream().allMatch(String::isEmpty)) {
					continue;
				}
				Map<String, String> values = new HashMap<>();
				header.forEach((i, column) -> values.put(column, i < row.size() ? row.get(i) : ""));
				Row read = new Row(numbers.get(r), values);
				// Each cell is named by the file's own header, as the person who fixes the file reads it.
				header.forEach((i, column) -> {
					String problem = i < row.size() ? InputBounds.textProblem(row.get(i), LONGEST_VALUE) : null;
					if (problem != null && unreadable.size() < 100) {
						unreadable.add(new Violation("line " + read.line() + ": " + cells.get(i), "text", problem));
					}
				});
				data.add(read);
			}
			if (!unreadable.isEmpty()) {
				// Nothing is imported from a file with a value no register could hold; every such cell is named.
				throw new InvalidInput(unreadable);
			}
			return data;
		}
		throw new InvalidInput("file", "header", "no header row with the columns " + String.join(", ", required));
	}

	/** A header text that stands for the column, to name it in an error. */
	private static String headerName(Map<String, String> names, String column) {
		return names.entrySet().stream().filter(e -> e.getValue().equals(column)).map(Map.Entry::getKey).sorted()
			.findFirst().orElse(column);
	}

	/** Lower case, accents removed, trimmed: how headers and searched names are compared. */
	public static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
	}

	private static void csv(InputStream content, List<List<String>> rows, List<Long> numbers) {
		BufferedInputStream input = new BufferedInputStream(content);
		try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(CsvSeparator.of(input)).allowMissingFields(true)
			.allowExtraFields(true).ofCsvRecord(new InputStreamReader(input, StandardCharsets.UTF_8))) {
			for (CsvRecord record : reader) {
				rows.add(record.getFields().stream().map(String::strip).toList());
				numbers.add(record.getStartingLineNumber());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void excel(InputStream content, List<List<String>> rows, List<Long> numbers) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (XSSFWorkbook workbook = new XSSFWorkbook(content)) {
			for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
				}
				rows.add(cells);
				numbers.add(row.getRowNum() + 1L);
			}
		}
		catch (IOException | RuntimeException e) {
			throw new InvalidInput("file", "xlsx", "not a readable Excel (.xlsx) file");
		}
	}
}
