package ma.amo.population;

public enum ImportMode {
	/** One rejected row and nothing is imported; the report lists every rejected row. */
	ALL_OR_NOTHING,
	/** Valid rows are imported, rejected rows are reported. */
	KEEP_VALID
}
