package ma.amo.providers;

public enum ProviderStatus {
	ACTIVE, SUSPENDED, CLOSED
}
