package ma.amo.approvals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.RuleBroken;

/**
 * A prior approval and its state. Its transitions are its own methods: each checks the state it starts from and
 * answers the {@link Change} to record, or refuses (409 naming the rule): a reviewer decides a {@code PENDING} request
 * only, an establishment answers only the question asked, an approval is extended only while approved and valid.
 * The medical note is in clear here; {@link #forViewer(boolean)} removes it for whoever may not read it.
 */
public record Approval(long id, String reference, ApprovalStatus status, String patientIdcs, String establishmentInpe,
		CareType careType, LocalDate expectedStart, Integer stayDays, Integer sessionsRequested, String protocol,
		List<ApprovalRequest.Line> lines, List<ApprovalRequest.Attachment> attachments, String medicalNote,
		String renews, String regime, String payerBody, List<Finding> preCheck, Money estimateBilled,
		Money estimateCovered, String filedBy, LocalDateTime receivedAt, LocalDateTime dueAt, String question,
		String answer, Decision decision, Money amountUsed, int sessionsUsed, List<Step> history) {

	static final BigDecimal AMOUNT_MAX = new BigDecimal("10000000");
	static final int REASON_MAX = 2_000;
	/** An approval runs a year at most; an extension may take it to two years from its first day. */
	static final int VALIDITY_DAYS_MAX = 366;
	static final int EXTENDED_DAYS_MAX = 731;

	/** One point of the automatic pre-check: its code, whether it passed, and what was found. */
	@Schema(name = "ApprovalFinding")
	public record Finding(String code, boolean passed, String detail) {
	}

	/** The reviewer's decision: who and when, why, and what an approval grants. */
	@Schema(name = "ApprovalDecision")
	public record Decision(String by, LocalDateTime at, String reason, Money amount, LocalDate validFrom,
			LocalDate validUntil, Integer sessions) {
	}

	/** One step of the history: when, what, the status it led to, who and the comment. */
	@Schema(name = "ApprovalStep")
	public record Step(LocalDateTime at, String action, ApprovalStatus status, String actor, String comment) {
	}

	/** What a reviewer grants: an amount, a validity and, for a series, sessions. */
	public record Grant(BigDecimal amount, LocalDate validFrom, LocalDate validUntil, Integer sessions) {
	}

	/** A transition to record: the new status, the history step and the state it leaves. */
	record Change(ApprovalStatus status, String action, String comment, LocalDateTime dueAt, String question,
			String answer, Decision decision) {
	}

	/** Approves the pending request with what is granted. */
	Change approve(Grant grant, String actor, LocalDateTime now) {
		requirePending("approve");
		if (grant == null) {
			throw new InvalidInput("amount", "required", "an approval grants an amount and a validity");
		}
		BigDecimal amount = amount("amount", grant.amount(), true);
		validity(grant.validFrom(), grant.validUntil(), VALIDITY_DAYS_MAX);
		Integer sessions = sessions("sessions", grant.sessions(), careType.series());
		Decision decided = new Decision(actor, now, null, new Money(amount), grant.validFrom(), grant.validUntil(), sessions);
		return new Change(ApprovalStatus.APPROVED, "APPROVE", null, dueAt, question, answer, decided);
	}

	/** Rejects the pending request, with its reason. */
	Change reject(String reason, String actor, LocalDateTime now) {
		requirePending("reject");
		String why = InvalidInput.requiredText("reason", reason, REASON_MAX);
		return new Change(ApprovalStatus.REJECTED, "REJECT", why, dueAt, question, answer,
				new Decision(actor, now, why, null, null, null, null));
	}

	/** Asks the establishment a question: the clock stops until it answers. */
	Change requestInformation(String asked, String actor, LocalDateTime now) {
		requirePending("request-information");
		String text = InvalidInput.requiredText("reason", asked, REASON_MAX);
		return new Change(ApprovalStatus.MORE_INFORMATION_REQUESTED, "REQUEST_INFORMATION", text, dueAt, text, null,
				decision);
	}

	/** The establishment's answer: the request is pending again, due a full delay after the answer. */
	Change answer(String text, LocalDateTime newDue) {
		if (status != ApprovalStatus.MORE_INFORMATION_REQUESTED) {
			throw refused("answer-asked", "only a question asked by the reviewer is answered");
		}
		String answered = InvalidInput.requiredText("answer", text, ApprovalRequest.NOTE_MAX);
		return new Change(ApprovalStatus.PENDING, "ANSWER", null, newDue, question, answered, decision);
	}

	/** Extends an approval still valid: a later end, and more amount or sessions. */
	Change extend(Grant more, String reason, String actor, LocalDate today) {
		if (status != ApprovalStatus.APPROVED) {
			throw refused("extend-approved", "only an approved request is extended");
		}
		if (today.isAfter(decision.validUntil())) {
			throw refused("extend-valid", "approval " + reference + " ended on " + decision.validUntil()
					+ ": a new request renews it");
		}
		if (more == null) {
			throw new InvalidInput("validUntil", "required", "an extension gives the new end");
		}
		LocalDate until = more.validUntil() == null ? decision.validUntil() : more.validUntil();
		if (until.isBefore(decision.validUntil())) {
			throw new InvalidInput("validUntil", "not-shorter", "an extension ends on or after " + decision.validUntil());
		}
		validity(decision.validFrom(), until, EXTENDED_DAYS_MAX);
		BigDecimal added = more.amount() == null ? BigDecimal.ZERO : amount("amount", more.amount(), false);
		Integer sessions = decision.sessions();
		if (more.sessions() != null) {
			if (!careType.series()) {
				throw new InvalidInput("sessions", "series-only", careType + " is not given in sessions");
			}
			sessions = decision.sessions() + sessions("sessions", more.sessions(), true);
		}
		String why = InvalidInput.requiredText("reason", reason, REASON_MAX);
		Decision extended = new Decision(decision.by(), decision.at(), decision.reason(),
				decision.amount().plus(new Money(added)), decision.validFrom(), until, sessions);
		return new Change(ApprovalStatus.APPROVED, "EXTEND", why + " (jusqu'au " + until + ", montant "
				+ extended.amount().amount() + (sessions == null ? "" : ", " + sessions + " séances") + ")", dueAt,
				question, answer, extended);
	}

	/** Whether an approval of this patient renews this one: same care and establishment, approved. */
	void requireRenewable(ApprovalRequest request) {
		if (status != ApprovalStatus.APPROVED || !patientIdcs.equals(request.patientIdcs().strip())
				|| careType != request.careType() || !establishmentInpe.equals(request.establishmentInpe().strip())) {
			throw new RuleBroken("renews", "renews-approved", "a renewal cites an approval granted to the same patient, "
					+ "care type and establishment");
		}
	}

	/** The approval without its medical note, for a viewer who may not read it. */
	public Approval forViewer(boolean seesNote) {
		if (seesNote) {
			return this;
		}
		return new Approval(id, reference, status, patientIdcs, establishmentInpe, careType, expectedStart, stayDays,
				sessionsRequested, protocol, lines, attachments, null, renews, regime, payerBody, preCheck, estimateBilled,
				estimateCovered, filedBy, receivedAt, dueAt, question, answer, decision, amountUsed, sessionsUsed, history);
	}

	private void requirePending(String what) {
		if (status != ApprovalStatus.PENDING) {
			throw refused("decide-pending", "only a PENDING request is decided (" + what + ")");
		}
	}

	private RuleBroken refused(String rule, String why) {
		return new RuleBroken("status", rule, "prior approval " + reference + " is " + status + ": " + why);
	}

	private void validity(LocalDate from, LocalDate until, int longest) {
		if (from == null) {
			throw new InvalidInput("validFrom", "required", "is required");
		}
		if (until == null) {
			throw new InvalidInput("validUntil", "required", "is required");
		}
		if (until.isBefore(from)) {
			throw new InvalidInput("validUntil", "after-start", "ends on or after validFrom " + from);
		}
		if (ChronoUnit.DAYS.between(from, until) >= longest) {
			throw new InvalidInput("validUntil", "range", "an approval runs " + longest + " days at most");
		}
		if (from.isBefore(expectedStart.minusDays(30))) {
			throw new InvalidInput("validFrom", "range", "starts at most 30 days before the care, " + expectedStart);
		}
	}

	private static BigDecimal amount(String field, BigDecimal amount, boolean positive) {
		if (amount == null) {
			throw new InvalidInput(field, "required", "is required");
		}
		if (amount.signum() < 0 || (positive && amount.signum() == 0) || amount.scale() > 2 || amount.compareTo(AMOUNT_MAX) > 0) {
			throw new InvalidInput(field, "amount", "must be an amount " + (positive ? "above" : "from") + " 0 to "
					+ AMOUNT_MAX.toPlainString() + " with two decimals at most");
		}
		return amount;
	}

	private static Integer sessions(String field, Integer sessions, boolean required) {
		if (sessions == null) {
			if (required) {
				throw new InvalidInput(field, "required", "a series is approved as a number of sessions");
			}
			return null;
		}
		if (sessions < 1 || sessions > 365) {
			throw new InvalidInput(field, "range", "must be between 1 and 365");
		}
		return sessions;
	}
}
