package ma.amo.approvals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import ma.amo.calendar.BusinessCalendar;
import ma.amo.parameters.ParameterValues;
import ma.amo.shared.IdempotencyKey;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prior approvals from request to decision (amo-rules.md, "Procedures and deadlines"). An establishment asks, once
 * per idempotency key (a repeat returns the first request; the same key with another content is refused); the
 * pre-check ({@link PreCheck}) runs at once; a medical reviewer then approves, rejects or asks for more information
 * within {@code approvals.answer-working-hours} (48) working hours of the business calendar, or
 * {@code approvals.dialysis-answer-days} (7) calendar days for dialysis, counted from the request or from the
 * establishment's answer. Establishments and their systems file and read their own requests, agents those of their
 * payer body, medical reviewers all; only medical reviewers read the medical note.
 */
@Service
public class PriorApprovals {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Approvals approvals;
	private final PreCheck preCheck;
	private final BusinessCalendar calendar;
	private final ParameterValues parameters;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	PriorApprovals(Approvals approvals, PreCheck preCheck, BusinessCalendar calendar, ParameterValues parameters,
			Clock clock, ApplicationEventPublisher events) {
		this.approvals = approvals;
		this.preCheck = preCheck;
		this.calendar = calendar;
		this.parameters = parameters;
		this.clock = clock;
		this.events = events;
	}

	/** The stored request, and whether this call stored it or found it under the same key. */
	public record Filed(Approval approval, boolean repeated) {
	}

	/** What a medical reviewer decides on a pending request. */
	public enum Verdict {
		APPROVED, REJECTED, MORE_INFORMATION_REQUESTED
	}

	/** A reviewer's decision: {@code APPROVED} with what it grants, {@code REJECTED} or a question, with the reason. */
	public record Decision(Verdict decision, Approval.Grant grant, String reason) {
	}

	/** A pending request past its due date, with the working time it is late by. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "OverdueApproval")
	public record Overdue(String reference, String patientIdcs, String establishmentInpe, CareType careType,
			LocalDateTime receivedAt, LocalDateTime dueAt, long workingMinutesLate) {
	}

	@Transactional
	public Filed request(String idempotencyKey, ApprovalRequest request) {
		IdempotencyKey.require(idempotencyKey);
		if (request == null) {
			throw new InvalidInput("body", "required", "a request is required");
		}
		LocalDateTime now = LocalDateTime.now(clock);
		request.check(now.toLocalDate());
		String establishment = request.establishmentInpe().strip();
		Viewer.current().ifPresent(viewer -> Viewer.require(viewer.role() != Viewer.Role.PROVIDER
				|| establishment.equals(viewer.inpe()), "an establishment asks for approvals in its own name"));
		String hash = hash(request);
		Optional<Approvals.Keyed> earlier = approvals.byKey(establishment, idempotencyKey);
		if (earlier.isEmpty()) {
			if (request.renews() != null && !request.renews().isBlank()) {
				approvals.byReference(request.renews().strip())
					.orElseThrow(() -> new InvalidInput("renews", "known-approval", "no prior approval " + request.renews().strip()))
					.requireRenewable(request);
			}
			PreCheck.Result checked = preCheck.of(request);
			ApprovalStatus status = checked.rejection() == null ? ApprovalStatus.PENDING : ApprovalStatus.REJECTED;
			Optional<Long> id = approvals.insert(new Approvals.New(actor(), idempotencyKey, hash, request,
					checked.rights().regime() == null ? null : checked.rights().regime().name(),
					checked.rights().payerBody() == null ? null : checked.rights().payerBody().name(), checked.findings(),
					checked.estimate() == null ? null : checked.estimate().billed(),
					checked.estimate() == null ? null : checked.estimate().covered(), status, now,
					due(request.careType(), now), checked.rejection()));
			if (id.isPresent()) {
				approvals.step(id.get(), now, request.renews() == null || request.renews().isBlank() ? "REQUEST" : "RENEWAL",
						ApprovalStatus.PENDING, actor(), null);
				if (status == ApprovalStatus.REJECTED) {
					approvals.step(id.get(), now, "PRE_CHECK", status, "pre-check", checked.rejection());
				}
				return new Filed(visible(approvals.find(id.get()).orElseThrow()), false);
			}
			earlier = approvals.byKey(establishment, idempotencyKey);
		}
		Approvals.Keyed first = earlier.orElseThrow();
		if (!first.hash().equals(hash)) {
			throw new RuleBroken("idempotencyKey", "idempotent-repeat", "the key " + idempotencyKey
					+ " was used for another prior approval request of this establishment");
		}
		return new Filed(visible(approvals.find(first.id()).orElseThrow()), true);
	}

	/** The approval, with its history; the medical note for medical reviewers only. */
	public Approval approval(String reference) {
		return visible(found(approvals.byReference(reference), reference));
	}

	/** A patient's approvals, newest first, those the viewer may read. */
	public List<Approval> ofPatient(String idcs) {
		if (idcs == null || idcs.isBlank() || idcs.length() > 20) {
			throw new InvalidInput("idcs", "required", "an IDCS is required");
		}
		return approvals.ofPatient(idcs.strip(), 200).stream().filter(PriorApprovals::readable).map(PriorApprovals::hideNote)
			.toList();
	}

	/**
	 * One page of an establishment's requests, newest first, in one status or all (null): for the establishment
	 * itself, a medical reviewer or an administrator, who read all of them (the count is theirs to see too).
	 */
	public ma.amo.shared.PageOf<Approval> ofEstablishment(String inpe, ApprovalStatus status, int page, int size) {
		if (inpe == null || !inpe.strip().matches("\\d{9}")) {
			throw new InvalidInput("inpe", "pattern", "an INPE has 9 digits");
		}
		ma.amo.shared.PageOf.check(page, size, 100);
		Viewer.require(Viewer.current().map(v -> switch (v.role()) {
			case PROVIDER -> inpe.strip().equals(v.inpe());
			case MEDICAL_REVIEWER, ADMINISTRATOR -> true;
			default -> false;
		}).orElse(false), "an establishment reads its own requests");
		List<Approval> content = approvals.ofEstablishment(inpe.strip(), status, page * size, size).stream()
			.filter(PriorApprovals::readable).map(PriorApprovals::hideNote).toList();
		return ma.amo.shared.PageOf.of(content, page, size, approvals.countOfEstablishment(inpe.strip(), status));
	}

	/** The medical reviewer's decision on a pending request. */
	@Transactional
	public Approval decide(String reference, Decision decision) {
		Approval approval = locked(reference);
		if (decision == null || decision.decision() == null) {
			throw new InvalidInput("decision", "required", "APPROVED, REJECTED or MORE_INFORMATION_REQUESTED");
		}
		LocalDateTime now = LocalDateTime.now(clock);
		Approval.Change change = switch (decision.decision()) {
			case APPROVED -> approval.approve(decision.grant(), actor(), now);
			case REJECTED -> approval.reject(decision.reason(), actor(), now);
			case MORE_INFORMATION_REQUESTED -> approval.requestInformation(decision.reason(), actor(), now);
		};
		approvals.apply(approval.id(), change, actor(), now);
		Approval.Decision d = change.status() == ApprovalStatus.APPROVED ? change.decision() : null;
		events.publishEvent(new ApprovalDecided(approval.reference(), approval.patientIdcs(),
				approval.establishmentInpe(), approval.careType(), change.status(), d == null ? null : d.amount(),
				d == null ? null : d.validFrom(), d == null ? null : d.validUntil(), d == null ? null : d.sessions()));
		return approval(reference);
	}

	/** The establishment's answer to the reviewer's question: pending again, with a new delay. */
	@Transactional
	public Approval answer(String reference, String text) {
		Approval approval = locked(reference);
		LocalDateTime now = LocalDateTime.now(clock);
		approvals.apply(approval.id(), approval.answer(text, due(approval.careType(), now)), actor(), now);
		return approval(reference);
	}

	/** Extends an approval: a later end, more amount or sessions, with the reason. */
	@Transactional
	public Approval extend(String reference, Approval.Grant more, String reason) {
		Approval approval = locked(reference);
		LocalDateTime now = LocalDateTime.now(clock);
		Approval.Change change = approval.extend(more, reason, actor(), now.toLocalDate());
		approvals.apply(approval.id(), change, actor(), now);
		Approval.Decision extended = change.decision();
		events.publishEvent(new ApprovalExtended(approval.reference(), approval.patientIdcs(), extended.validUntil(),
				extended.amount(), extended.sessions()));
		return approval(reference);
	}

	/** Pending requests past their due date at {@code at}, the longest overdue first. */
	public List<Overdue> overdue(LocalDateTime at, int limit) {
		if (at == null) {
			throw new InvalidInput("at", "required", "is required");
		}
		if (limit < 1 || limit > 10_000) {
			throw new InvalidInput("limit", "range", "must be between 1 and 10000");
		}
		return approvals.overdueAt(at, limit).stream()
			.map(a -> new Overdue(a.reference(), a.patientIdcs(), a.establishmentInpe(), a.careType(), a.receivedAt(),
					a.dueAt(), calendar.workingTimeBetween(a.dueAt(), at).toMinutes()))
			.toList();
	}

	/**
	 * A request waiting for a medical reviewer, with the time left on its legal clock at a moment: working minutes for
	 * the 48 working hours, calendar minutes for dialysis (counted in days); once the due date has passed, late and
	 * the minutes it is late by, negative.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "QueuedApproval")
	public record Queued(String reference, String patientIdcs, String establishmentInpe, CareType careType,
			String payerBody, LocalDateTime receivedAt, LocalDateTime dueAt, long minutesLeft, boolean late) {
	}

	/** The pending requests the viewer may read, the earliest due first, each with the time left at {@code at}. */
	public List<Queued> queue(LocalDateTime at, int limit) {
		if (at == null) {
			throw new InvalidInput("at", "required", "is required");
		}
		if (limit < 1 || limit > 1_000) {
			throw new InvalidInput("limit", "range", "must be between 1 and 1000");
		}
		return approvals.pending(limit).stream().filter(PriorApprovals::readable)
			.map(a -> new Queued(a.reference(), a.patientIdcs(), a.establishmentInpe(), a.careType(), a.payerBody(),
					a.receivedAt(), a.dueAt(), minutesLeft(a.careType(), at, a.dueAt()), a.dueAt().isBefore(at)))
			.toList();
	}

	private long minutesLeft(CareType type, LocalDateTime at, LocalDateTime due) {
		if (type == CareType.DIALYSIS) {
			return java.time.Duration.between(at, due).toMinutes();
		}
		return due.isAfter(at) ? calendar.workingTimeBetween(at, due).toMinutes()
				: -calendar.workingTimeBetween(due, at).toMinutes();
	}

	/** The due date of an answer counted from {@code from}: working hours, or calendar days for dialysis. */
	LocalDateTime due(CareType type, LocalDateTime from) {
		LocalDate day = from.toLocalDate();
		return type == CareType.DIALYSIS
				? calendar.plusCalendarDays(from, parameters.integer("approvals.dialysis-answer-days", day))
				: calendar.plusWorkingHours(from, parameters.integer("approvals.answer-working-hours", day));
	}

	private Approval locked(String reference) {
		Approval approval = found(approvals.lock(reference), reference);
		requireReadable(approval);
		return approval;
	}

	private static Approval found(Optional<Approval> approval, String reference) {
		return approval.orElseThrow(() -> new NotFound("reference", "no prior approval " + reference));
	}

	private static Approval visible(Approval approval) {
		requireReadable(approval);
		return hideNote(approval);
	}

	private static Approval hideNote(Approval approval) {
		return approval.forViewer(Viewer.seesDiagnoses());
	}

	private static void requireReadable(Approval approval) {
		Viewer.require(readable(approval), "an establishment reads its own requests, an agent those of its payer body");
	}

	private static boolean readable(Approval approval) {
		return Viewer.current().map(viewer -> switch (viewer.role()) {
			case PROVIDER -> approval.establishmentInpe().equals(viewer.inpe());
			case PAYER_AGENT -> viewer.payerBody() != null && viewer.payerBody().equals(approval.payerBody());
			case MEDICAL_REVIEWER, ADMINISTRATOR -> true;
			default -> false;
		}).orElse(true);
	}

	private static String actor() {
		return Viewer.current().map(Viewer::name).orElse("platform");
	}

	private static String hash(ApprovalRequest request) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
