package ma.amo.population;

/** The register extracts the platform imports. */
public enum ImportKind {
	/** Population register: one row per person. */
	RNP,
	/** Unified social register: one row per household member and score date. */
	RSU,
	/** The Interior ministry's file of households applying for Tadamon: one row per member with their relation. */
	HOUSEHOLD
}
