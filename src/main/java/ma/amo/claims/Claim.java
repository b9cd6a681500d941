package ma.amo.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.Money;

/**
 * A claim as the platform holds it: what was submitted, where it stands, and once adjudicated each line's outcome with
 * the base, the rate, the covered amount, the patient's and the State's shares and the reasons in French.
 */
public record Claim(long id, ClaimKind kind, ClaimStatus status, String submitter, String idempotencyKey,
		String patientIdcs, LocalDate careDate, LocalDate filedOn, String executingInpe, String prescriberInpe,
		String establishmentInpe, Integer aldCode, String exemptionNumber, boolean referral, String priorApproval,
		List<ClaimRequest.Attachment> attachments, String regime, String payerBody, String memberIdcs, Money billed, Money covered, Money patientShare, Money stateShare,
		List<String> reviewReasons, Instant receivedAt, Instant adjudicatedAt, List<Line> lines) {

	public enum Outcome {
		ACCEPTED, REDUCED, REJECTED
	}

	/** A line of a claim as adjudicated: what was billed, its outcome, the amounts and every reason. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ClaimLine")
	public record Line(int line, String actCode, java.math.BigDecimal coefficient, String medicineCode,
			Integer quantity, Money billed, Outcome outcome, Money base, Integer ratePercent, Money covered,
			Money patientShare, Money stateShare, List<String> reasons) {
	}

	Claim with(List<ClaimRequest.Attachment> attachments, List<Line> lines) {
		return new Claim(id, kind, status, submitter, idempotencyKey, patientIdcs, careDate, filedOn, executingInpe,
				prescriberInpe, establishmentInpe, aldCode, exemptionNumber, referral, priorApproval, attachments, regime,
				payerBody, memberIdcs, billed, covered, patientShare, stateShare, reviewReasons, receivedAt, adjudicatedAt,
				lines);
	}

	/** The claim without its diagnosis (ALD code and exemption number), for whoever is not a medical reviewer. */
	Claim withoutDiagnosis() {
		return new Claim(id, kind, status, submitter, idempotencyKey, patientIdcs, careDate, filedOn, executingInpe,
				prescriberInpe, establishmentInpe, null, null, referral, priorApproval, attachments, regime, payerBody,
				memberIdcs, billed, covered, patientShare, stateShare, reviewReasons, receivedAt, adjudicatedAt, lines);
	}

	/** A claim in a list: where it stands, for whom, by whom, how much, and why it is in review. */
	public record Summary(long id, ClaimKind kind, ClaimStatus status, String patientIdcs, LocalDate careDate,
			LocalDate filedOn, String executingInpe, String establishmentInpe, Money billed, Money covered,
			List<String> reviewReasons, Instant receivedAt) {
	}

	/** A step of the claim's history: the status it reached, who moved it and why. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ClaimEvent")
	public record Event(Instant at, ClaimStatus status, String actor, String comment) {
	}
}
