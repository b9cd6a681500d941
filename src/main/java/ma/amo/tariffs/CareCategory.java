package ma.amo.tariffs;

/**
 * The care categories of the tariff, which set the coverage rate of a regime (amo-rules.md, "What is reimbursed"), with
 * the words French texts use for them.
 */
public enum CareCategory {
	AMBULATORY("soins ambulatoires"), HOSPITALISATION("hospitalisation"), DENTAL("soins dentaires"),
	MATERNITY("maternité"), BIOLOGY("biologie"), IMAGING("imagerie"), PARAMEDICAL("soins paramédicaux"),
	MEDICINES("médicaments"), OPTICS("optique"), DEVICES("dispositifs médicaux");

	private final String french;

	CareCategory(String french) {
		this.french = french;
	}

	public String french() {
		return french;
	}

	/** The French words of a category code; the code itself when unknown, rather than no words at all. */
	public static String french(String code) {
		for (CareCategory category : values()) {
			if (category.name().equals(code)) {
				return category.french;
			}
		}
		return code;
	}
}
