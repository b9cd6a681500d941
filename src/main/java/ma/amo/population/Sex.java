package ma.amo.population;

public enum Sex {
	M, F
}
