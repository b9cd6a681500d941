package ma.amo.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.Money;

/**
 * A claim as the platform holds it: what was submitted, where it stands, and once adjudicated each line's outcome with
 * the base, the rate, the covered amount, the patient's and the State's shares and the reasons in French.
 * <p>
 * The claim owns its life: each step is one of its operations ({@link #adjudicated}, {@link #confirmed},
 * {@link #rejected}, {@link #contested}, {@link #paid}, {@link #putBack}), which answers the status the claim reaches or
 * refuses a step its status does not allow with {@link ClaimTransitionRefused}. {@code Claims} stores what the claim
 * decided, and nothing else in the platform writes a claim's status.
 */
public record Claim(long id, ClaimKind kind, ClaimStatus status, String submitter, String idempotencyKey,
		String patientIdcs, LocalDate careDate, LocalDate filedOn, String executingInpe, String prescriberInpe,
		String establishmentInpe, Integer aldCode, String exemptionNumber, boolean referral, String priorApproval,
		List<ClaimRequest.Attachment> attachments, String regime, String payerBody, String memberIdcs, Money billed, Money covered, Money patientShare, Money stateShare,
		List<String> reviewReasons, Instant receivedAt, Instant adjudicatedAt, boolean setAside, List<Line> lines,
		Long referralId) {

	/**
	 * Adjudicated by the rules: sent to review when a rule, the amount threshold or the sample asks for an agent,
	 * decided otherwise. Only a received claim still in the queue (not set aside) is adjudicated.
	 */
	ClaimStatus adjudicated(List<Outcome> outcomes, List<String> reviewReasons) {
		if (status != ClaimStatus.RECEIVED || setAside) {
			throw new ClaimTransitionRefused(id, status, "received",
					setAside ? "set aside, it is adjudicated once put back" : "only a received claim is adjudicated");
		}
		return reviewReasons.isEmpty() ? ClaimStatus.decision(outcomes) : sentToReview();
	}

	private ClaimStatus sentToReview() {
		return ClaimStatus.IN_REVIEW;
	}

	/** An agent confirms the adjudication of a claim in review: decided by its lines' outcomes. */
	ClaimStatus confirmed() {
		requireInReview();
		return ClaimStatus.decision(lines.stream().map(Line::outcome).toList());
	}

	/** An agent rejects a claim in review. */
	ClaimStatus rejected() {
		requireInReview();
		return ClaimStatus.REJECTED;
	}

	/**
	 * A member or a provider contests a decided claim, or a paid one (an amount found paid too much): back to an agent.
	 */
	ClaimStatus contested() {
		if (!status.decided() && status != ClaimStatus.PAID) {
			throw new ClaimTransitionRefused(id, status, "decided",
					"only an approved, partially approved, rejected or paid claim can be contested");
		}
		return ClaimStatus.IN_REVIEW;
	}

	/** Paid in a payment batch: only an approved or partially approved claim is paid, once. */
	ClaimStatus paid() {
		if (status != ClaimStatus.APPROVED && status != ClaimStatus.PARTIALLY_APPROVED) {
			throw new ClaimTransitionRefused(id, status, "payable",
					"only an approved or partially approved claim, not paid yet, can be paid");
		}
		return ClaimStatus.PAID;
	}

	/** A set-aside claim goes back to the queue, still received. */
	ClaimStatus putBack() {
		if (status != ClaimStatus.RECEIVED || !setAside) {
			throw new ClaimTransitionRefused(id, status, "set-aside", "only a set-aside claim is put back");
		}
		return ClaimStatus.RECEIVED;
	}

	private void requireInReview() {
		if (status != ClaimStatus.IN_REVIEW) {
			throw new ClaimTransitionRefused(id, status, "in-review", "only a claim in review is confirmed or rejected");
		}
	}

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
				setAside, lines, referralId);
	}

	/** The claim without its diagnosis (ALD code and exemption number), for whoever is not a medical reviewer. */
	Claim withoutDiagnosis() {
		return new Claim(id, kind, status, submitter, idempotencyKey, patientIdcs, careDate, filedOn, executingInpe,
				prescriberInpe, establishmentInpe, null, null, referral, priorApproval, attachments, regime, payerBody,
				memberIdcs, billed, covered, patientShare, stateShare, reviewReasons, receivedAt, adjudicatedAt, setAside,
				lines, referralId);
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
