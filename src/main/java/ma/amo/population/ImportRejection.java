package ma.amo.population;

/** A row of an extract that was not imported: its line in the file, the field and the rule it broke. */
public record ImportRejection(long line, String field, String reason) {
}
