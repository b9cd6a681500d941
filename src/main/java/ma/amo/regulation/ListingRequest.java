package ma.amo.regulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.RuleBroken;

/**
 * A laboratory's request to list a medicine not reimbursed: the product (EAN-13 code, name, DCI, dosage, form,
 * presentation, class, brand or generic), the prices it proposes, the reference of its file, and the Transparency
 * Committee's steps with their dates, up to the referential version that publishes it.
 */
public record ListingRequest(long id, String reference, String laboratory, String code, String productName, String dci,
		String dosage, String form, String presentation, String therapeuticClass, char brandOrGeneric,
		BigDecimal proposedPpv, BigDecimal proposedPh, String fileReference, Status status, String filedBy,
		LocalDate filedOn, LocalDate completedOn, LocalDate sessionDate, Opinion opinion, LocalDate opinionOn,
		Decision decision, LocalDate decisionOn, Long publishedVersionId, LocalDate publishedFrom, List<Step> steps) {

	/** The Committee's steps, in this order: each is reached from the one before it only. */
	public enum Status {
		FILED, COMPLETE, EXAMINED, OPINION, DECISION, PUBLISHED
	}

	public enum Opinion {
		FAVOURABLE, UNFAVOURABLE
	}

	public enum Decision {
		LISTED, REFUSED
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "ListingRequestStep")
	public record Step(java.time.Instant at, Status status, LocalDate onDate, String actor, String note) {
	}

	/** The date the request reached its current step: a next step cannot be dated before it. */
	LocalDate lastDate() {
		return switch (status) {
			case FILED -> filedOn;
			case COMPLETE -> completedOn;
			case EXAMINED -> sessionDate;
			case OPINION -> opinionOn;
			case DECISION -> decisionOn;
			case PUBLISHED -> publishedFrom;
		};
	}

	/** The step after the current one; a request refused by the decision goes no further. */
	Status next(Status step) {
		if (status == Status.PUBLISHED || status == Status.DECISION && decision == Decision.REFUSED) {
			throw new RuleBroken("step", "closed", "request " + reference + " is closed (" + status
					+ (decision == null ? "" : ", " + decision) + ")");
		}
		Status expected = Status.values()[status.ordinal() + 1];
		if (step != expected) {
			throw new RuleBroken("step", "order", "request " + reference + " is " + status + ": its next step is " + expected);
		}
		return step;
	}
}
