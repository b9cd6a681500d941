package ma.amo.population;

/** The register extracts the platform imports. */
public enum ImportKind {
	/** Population register: one row per person. */
	RNP,
	/** Unified social register: one row per household member and score date. */
	RSU
}
