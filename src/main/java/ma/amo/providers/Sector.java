package ma.amo.providers;

public enum Sector {
	PUBLIC, PRIVATE
}
