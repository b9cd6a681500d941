package ma.amo.providers;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ma.amo.providers.ProviderDirectory.NewEstablishment;
import ma.amo.shared.TabularFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports lists of establishments in the Ministry of Health's open-data format, as its Excel original (a title row,
 * a header row, then data, a legend beside) or as CSV: region, delegation (province), commune, name, category.
 * Headers are recognised in French or English, with or without accents; a header without one of the five columns is
 * refused as a whole. All or nothing: one bad row and nothing is
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

	@io.swagger.v3.oas.annotations.media.Schema(name = "EstablishmentRejectedRow")
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
		return load(content, format, sector, categories, activeFrom, ma.amo.shared.ImportProgress.NONE);
	}

	/** The same import, reporting the rows checked and then registered as it goes. */
	@Transactional
	public Outcome load(InputStream content, Format format, Sector sector, Set<String> categories, LocalDate activeFrom,
			ma.amo.shared.ImportProgress progress) {
		List<TabularFile.Row> lines = TabularFile.read(content, format == Format.XLSX, HEADER_NAMES, COLUMNS);
		List<Rejected> rejected = new ArrayList<>();
		List<TabularFile.Row> valid = new ArrayList<>();
		int checked = 0;
		for (TabularFile.Row line : lines) {
			progress.checked(++checked, lines.size());
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
		int stored = 0;
		for (TabularFile.Row line : valid) {
			progress.stored(++stored, valid.size());
			Map<String, String> v = line.values();
			if (directory.register(new NewEstablishment(v.get("name"), v.get("category"), sector, v.get("region"),
					v.get("province"), v.get("commune")), activeFrom).created()) {
				registered++;
			}
		}
		if (registered > 0) {
			directory.refreshStatistics();
		}
		return new Outcome(lines.size(), registered, valid.size() - registered, List.of());
	}

	private static Rejected check(TabularFile.Row row, Set<String> categories) {
		for (String column : COLUMNS) {
			String value = row.get(column);
			// The ministry's lists call the province its delegation.
			String header = column.equals("province") ? "delegation" : column;
			if (value.isBlank()) {
				return new Rejected(row.line(), header, "is required");
			}
			if (value.length() > 200) {
				return new Rejected(row.line(), header, "is longer than 200 characters");
			}
		}
		String category = row.get("category");
		if (!categories.isEmpty() && !categories.contains(category)) {
			return new Rejected(row.line(), "category", "'" + category + "' is not one of " + categories);
		}
		if (!ProviderDirectory.CATEGORIES.contains(category)) {
			return new Rejected(row.line(), "category", "'" + category + "' is not a category of establishments");
		}
		if (!ProviderDirectory.REGIONS.contains(row.get("region"))) {
			return new Rejected(row.line(), "region", "'" + row.get("region") + "' is not one of the twelve regions");
		}
		return null;
	}
}
