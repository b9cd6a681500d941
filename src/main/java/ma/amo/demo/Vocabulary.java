package ma.amo.demo;

import java.util.List;

/**
 * What the demo draws people and places from: the 12 regions weighted by their 2024 census population, and Moroccan
 * first names (male, female) and family names in Latin and Arabic script, weighted by how common they are.
 */
record Vocabulary(Weighted<String> regions, Weighted<String[]> maleNames, Weighted<String[]> femaleNames,
		Weighted<String[]> familyNames) {

	static Vocabulary load() {
		List<String[]> regionRows = Weighted.rows("/demo/regions.csv");
		Weighted<String> regions = new Weighted<>(regionRows.stream().map(r -> r[0]).toList(),
				regionRows.stream().map(r -> Long.parseLong(r[1])).toList());
		return new Vocabulary(regions, names("/demo/first-names-male.csv"), names("/demo/first-names-female.csv"),
				names("/demo/family-names.csv"));
	}

	/** A name list: latin, arabic, weight. */
	private static Weighted<String[]> names(String resource) {
		List<String[]> rows = Weighted.rows(resource);
		return new Weighted<>(rows, rows.stream().map(r -> Integer.parseInt(r[2].strip())).toList());
	}
}
