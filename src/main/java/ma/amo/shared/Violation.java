package ma.amo.shared;

/**
 * One reason why an input was refused: the field, the rule it broke (a stable code) and a sentence for people.
 */
public record Violation(String field, String rule, String message) {
}
