package ma.amo.complaints;

/** Who complains: an insured person by IDCS, or a health professional or establishment by INPE. */
public record Complainant(Kind kind, String id) {

	public enum Kind {
		/** A member or dependant, by IDCS. */
		INSURED,
		/** A professional or establishment, by INPE. */
		PROVIDER
	}

	@Override
	public String toString() {
		return kind + " " + id;
	}
}
