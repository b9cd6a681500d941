package ma.amo.providers;

/** A provider's standing on a date. */
public enum ProviderStatus {
	ACTIVE("actif"), SUSPENDED("suspendu"), CLOSED("fermé");

	private final String french;

	ProviderStatus(String french) {
		this.french = french;
	}

	/** The status in French texts, which never show the code. */
	public String french() {
		return french;
	}
}
