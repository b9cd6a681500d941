package ma.amo.population.imports;

import java.util.List;

import ma.amo.shared.CopyText;

/**
 * One kind of register extract: its columns, how a row is checked and staged, the checks that need the whole file
 * (duplicates, references), and how staged rows are merged into the register.
 */
interface Extract {

	/** Column names in the header, in staging order. */
	List<Column> columns();

	/** DDL of the temporary staging table; its first column is {@code line}. */
	String createStaging();

	/** Name of the temporary staging table. */
	String stagingTable();

	/**
	 * Checks one row; when valid, appends its staged values to {@code row} and returns null, otherwise returns the
	 * rejection and leaves {@code row} untouched.
	 */
	Rejected stage(Row values, CopyText row);

	/** Queries over the staging table returning {@code line, field, reason} of rows rejected by whole-file rules. */
	List<String> wholeFileChecks();

	/** Merges the staging table into the register; returns one row (inserted, updated). {@code :job} is the job. */
	String merge();

	/** The register table the merge writes, whose planner statistics are refreshed after an import. */
	String registerTable();

	record Column(String name, boolean required) {
	}

	record Rejected(String field, String reason) {
	}

	/** The values of one CSV row by column position of {@link #columns()}, blank values as null. */
	interface Row {
		String get(int column);
	}
}
