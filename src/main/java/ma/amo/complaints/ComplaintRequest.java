package ma.amo.complaints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.Violation;

/**
 * A complaint as filed: who complains ({@code INSURED} with an IDCS or {@code PROVIDER} with an INPE), the category,
 * a subject and the complaint itself, the claim concerned if any, and the date it was received when it came on paper
 * or by mail (today when absent): the legal clocks run from that date.
 */
public record ComplaintRequest(String complainantKind, String complainantId, String category, String subject,
		String description, String claimReference, LocalDate receivedOn) {

	static final int SUBJECT_MAX = 200;
	static final int DESCRIPTION_MAX = 10_000;

	/** Every problem of form, each naming its field and rule; nothing is stored when there is one. */
	void check(LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		Complainant.Kind kind = parse(violations, "complainantKind", complainantKind, Complainant.Kind.class);
		required(violations, "complainantId", complainantId, 20);
		Category parsed = parse(violations, "category", category, Category.class);
		required(violations, "subject", subject, SUBJECT_MAX);
		required(violations, "description", description, DESCRIPTION_MAX);
		if (claimReference != null && claimReference.length() > 50) {
			violations.add(new Violation("claimReference", "max-length", "at most 50 characters"));
		}
		if (receivedOn != null && receivedOn.isAfter(today)) {
			violations.add(new Violation("receivedOn", "not-future", "a complaint cannot be received after today " + today));
		}
		if (parsed != null && parsed.dataProtection() && kind == Complainant.Kind.PROVIDER) {
			violations.add(new Violation("category", "insured-only",
					"a data-protection request concerns a person's own data: only an insured person can make one"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	Complainant complainant() {
		return new Complainant(Complainant.Kind.valueOf(complainantKind.strip()), complainantId.strip());
	}

	Category categoryValue() {
		return Category.valueOf(category.strip());
	}

	private static void required(List<Violation> violations, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			violations.add(new Violation(field, "required", "is required"));
		}
		else if (value.strip().length() > max) {
			violations.add(new Violation(field, "max-length", "at most " + max + " characters"));
		}
	}

	private static <E extends Enum<E>> E parse(List<Violation> violations, String field, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			violations.add(new Violation(field, "required", "is required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			violations.add(new Violation(field, "enum", "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}
}
