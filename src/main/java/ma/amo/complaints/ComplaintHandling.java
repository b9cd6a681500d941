package ma.amo.complaints;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ma.amo.population.PopulationRegister;
import ma.amo.providers.Inpe;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.IdempotencyKey;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives complaints and takes them through their steps. A complaint is stored once per complainant and idempotency
 * key (a repeat returns the first complaint; the same key with another content is refused), from a complainant the
 * registers know, with its legal due dates computed at filing (see {@link LegalClocks}). Each step is checked against
 * the complaint's status ({@link ComplaintStatus}), dated (today unless an agent records a step taken earlier, e.g.
 * a letter sent), and written to the append-only history with its actor and comment.
 */
@Service
public class ComplaintHandling {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int ACTOR_MAX = 100;
	private static final int TEXT_MAX = 10_000;

	private final Complaints complaints;
	private final LegalClocks clocks;
	private final PopulationRegister register;
	private final ProviderDirectory providers;
	private final Clock clock;

	ComplaintHandling(Complaints complaints, LegalClocks clocks, PopulationRegister register,
			ProviderDirectory providers, Clock clock) {
		this.complaints = complaints;
		this.clocks = clocks;
		this.register = register;
		this.providers = providers;
		this.clock = clock;
	}

	/** The stored complaint, and whether this call stored it or found it under the same key. */
	public record Filed(Complaint complaint, boolean repeated) {
	}

	/** Who does a step, when (today when null) and why. */
	public record Step(String actor, LocalDate on, String comment) {
	}

	@Transactional
	public Filed file(String idempotencyKey, ComplaintRequest request) {
		IdempotencyKey.require(idempotencyKey);
		if (request == null) {
			throw new InvalidInput("body", "required", "a complaint is required");
		}
		LocalDate today = LocalDate.now(clock);
		request.check(today);
		Complainant complainant = request.complainant();
		requireOwn(complainant);
		String hash = hash(request);
		// The key is the filing account's, which the history names as the filer (the complainant when the platform
		// files for itself).
		String filer = Viewer.current().map(Viewer::name).orElse(complainant.toString());
		complaints.hold(filer, idempotencyKey);
		Optional<Complaints.Keyed> earlier = complaints.byKey(filer, idempotencyKey);
		if (earlier.isEmpty()) {
			checkKnown(complainant);
			LocalDate filedOn = request.receivedOn() == null ? today : request.receivedOn();
			LegalClocks.DueDates due = clocks.dueDates(filedOn);
			Optional<Long> id = complaints.insert(filer, complainant, idempotencyKey, hash, request.categoryValue(),
					request.subject().strip(), request.description().strip(), blankToNull(request.claimReference()),
					filedOn, due.acknowledgement(), due.answer());
			if (id.isPresent()) {
				return new Filed(complaint(id.get()), false);
			}
			earlier = complaints.byKey(filer, idempotencyKey);
		}
		Complaints.Keyed first = earlier.orElseThrow();
		if (!first.hash().equals(hash)) {
			throw new RuleBroken("idempotencyKey", "idempotent-repeat", "the key " + idempotencyKey
					+ " was used for complaint " + first.id() + " with different content");
		}
		return new Filed(complaint(first.id()), true);
	}

	/** The complaint as agents see it, with its history and internal notes. */
	public Complaint complaint(long id) {
		Complaint complaint = complaints.find(id).orElseThrow(() -> new NotFound("complaintId", "no complaint " + id));
		requireOwn(complaint.complainant());
		return complaint;
	}

	/** The complainant's complaints as they see them, oldest first. */
	public List<ComplainantView> ofComplainant(Complainant complainant) {
		requireOwn(complainant);
		return complaints.ofComplainant(complainant).stream().map(Complaint::forComplainant).toList();
	}

	/** Members and providers file and read their own complaints only; agents and the DPO all of them. */
	private static void requireOwn(Complainant complainant) {
		Viewer.current().ifPresent(viewer -> Viewer.require(switch (viewer.role()) {
			case MEMBER -> complainant.kind() == Complainant.Kind.INSURED && complainant.id().equals(viewer.idcs());
			case PROVIDER -> complainant.kind() == Complainant.Kind.PROVIDER && complainant.id().equals(viewer.inpe());
			default -> true;
		}, "a complainant files and reads their own complaints"));
	}

	/** Acknowledges receipt: the first step, due within 15 days; it stops the acknowledgement clock. */
	@Transactional
	public Complaint acknowledge(long id, Step step) {
		Complaint complaint = locked(id);
		if (complaint.status() != ComplaintStatus.FILED) {
			throw new RuleBroken("status", "acknowledge-once", "complaint " + id + " is " + complaint.status()
					+ ": only a FILED complaint is acknowledged");
		}
		LocalDate on = date(complaint, step);
		complaints.acknowledged(id, on);
		complaints.event(id, on, "ACKNOWLEDGE", ComplaintStatus.ACKNOWLEDGED, actor(step), comment(step, false));
		return complaint(id);
	}

	/** Gives the complaint to an agent, or to another one. */
	@Transactional
	public Complaint assign(long id, String assignee, Step step) {
		String to = InvalidInput.requiredText("assignee", assignee, ACTOR_MAX);
		Complaint complaint = locked(id);
		requireAcknowledged(complaint);
		allowed(complaint, Set.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.ASSIGNED), "open-before-answer",
				"only an acknowledged or assigned complaint is assigned");
		LocalDate on = date(complaint, step);
		complaints.assigned(id, to);
		String comment = comment(step, false);
		complaints.event(id, on, "ASSIGN", ComplaintStatus.ASSIGNED, actor(step),
				"Confiée à " + to + (comment == null ? "" : ": " + comment));
		return complaint(id);
	}

	/** Answers the complaint (the comment is the answer sent): due within 60 days; it stops the answer clock. */
	@Transactional
	public Complaint answer(long id, Step step) {
		Complaint complaint = locked(id);
		requireAcknowledged(complaint);
		if (complaint.answeredOn() != null) {
			throw new RuleBroken("status", "answer-once", "complaint " + id + " was answered on " + complaint.answeredOn());
		}
		allowed(complaint, Set.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.ASSIGNED, ComplaintStatus.ESCALATED),
				"answer-once", "only an open complaint is answered");
		LocalDate on = date(complaint, step);
		String answer = comment(step, true);
		complaints.answered(id, on, answer);
		complaints.event(id, on, "ANSWER", ComplaintStatus.ANSWERED, actor(step), answer);
		return complaint(id);
	}

	/** Escalates the complaint to the regulator (ANAM), once, with the reason. */
	@Transactional
	public Complaint escalate(long id, Step step) {
		Complaint complaint = locked(id);
		requireAcknowledged(complaint);
		if (complaint.escalatedOn() != null) {
			throw new RuleBroken("status", "escalate-once", "complaint " + id + " was escalated on " + complaint.escalatedOn());
		}
		allowed(complaint, Set.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.ASSIGNED, ComplaintStatus.ANSWERED),
				"not-closed", "a closed complaint is not escalated");
		LocalDate on = date(complaint, step);
		complaints.escalated(id, on);
		complaints.event(id, on, "ESCALATE", ComplaintStatus.ESCALATED, actor(step), comment(step, true));
		return complaint(id);
	}

	/** Closes an answered complaint. */
	@Transactional
	public Complaint close(long id, Step step) {
		Complaint complaint = locked(id);
		if (complaint.status() == ComplaintStatus.CLOSED) {
			throw new RuleBroken("status", "close-once", "complaint " + id + " was closed on " + complaint.closedOn());
		}
		if (complaint.answeredOn() == null) {
			throw new RuleBroken("status", "answer-first", "complaint " + id + " is " + complaint.status()
					+ ": a complaint is closed once answered");
		}
		LocalDate on = date(complaint, step);
		complaints.closed(id, on);
		complaints.event(id, on, "CLOSE", ComplaintStatus.CLOSED, actor(step), comment(step, false));
		return complaint(id);
	}

	/** Adds an internal note, at any step: agents see it, the complainant never does. */
	@Transactional
	public Complaint note(long id, String author, String text) {
		String by = InvalidInput.requiredText("author", author, ACTOR_MAX);
		String note = InvalidInput.requiredText("text", text, TEXT_MAX);
		locked(id);
		complaints.note(id, by, note);
		return complaint(id);
	}

	/** Complaints past a legal due date on {@code date}, oldest filed first. */
	public List<Overdue> overdue(LocalDate date, int limit) {
		if (date == null) {
			throw new InvalidInput("date", "required", "is required");
		}
		if (limit < 1 || limit > 10_000) {
			throw new InvalidInput("limit", "range", "must be between 1 and 10000");
		}
		return complaints.overdueOn(date, limit);
	}

	private Complaint locked(long id) {
		return complaints.lock(id).orElseThrow(() -> new NotFound("complaintId", "no complaint " + id));
	}

	/** A complainant the registers know: nothing is stored for an unknown IDCS or INPE. */
	private void checkKnown(Complainant complainant) {
		switch (complainant.kind()) {
			case INSURED -> {
				register.checkIdcs("complainantId", complainant.id());
				if (register.person(complainant.id()).isEmpty()) {
					throw new InvalidInput("complainantId", "known-person",
							"no person with IDCS " + complainant.id() + " in the population register");
				}
			}
			case PROVIDER -> {
				String problem = Inpe.problem(complainant.id());
				if (problem != null) {
					throw new InvalidInput("complainantId", "inpe", problem);
				}
				if (!knownProvider(complainant.id())) {
					throw new InvalidInput("complainantId", "known-provider",
							"no professional or establishment with INPE " + complainant.id() + " in the directory");
				}
			}
		}
	}

	private boolean knownProvider(String inpe) {
		try {
			providers.professional(inpe);
			return true;
		}
		catch (NotFound e) {
			try {
				providers.establishment(inpe);
				return true;
			}
			catch (NotFound e2) {
				return false;
			}
		}
	}

	private static void requireAcknowledged(Complaint complaint) {
		if (complaint.status() == ComplaintStatus.FILED) {
			throw new RuleBroken("status", "acknowledge-first", "complaint " + complaint.id()
					+ " is FILED: its receipt is acknowledged first");
		}
	}

	private static void allowed(Complaint complaint, Set<ComplaintStatus> from, String rule, String why) {
		if (!from.contains(complaint.status())) {
			throw new RuleBroken("status", rule, "complaint " + complaint.id() + " is " + complaint.status() + ": " + why);
		}
	}

	/** The date a step counts from: today, or an earlier day it was really taken, never before the last step. */
	private LocalDate date(Complaint complaint, Step step) {
		LocalDate today = LocalDate.now(clock);
		if (step == null || step.on() == null) {
			return today;
		}
		if (step.on().isAfter(today)) {
			throw new InvalidInput("on", "not-future", "a step cannot be dated after today " + today);
		}
		LocalDate last = complaint.history().getLast().on();
		if (step.on().isBefore(last)) {
			throw new InvalidInput("on", "after-last-step", "the last step of complaint " + complaint.id() + " is dated " + last);
		}
		return step.on();
	}

	private static String actor(Step step) {
		return InvalidInput.requiredText("actor", step == null ? null : step.actor(), ACTOR_MAX);
	}

	private static String comment(Step step, boolean required) {
		String comment = step == null ? null : blankToNull(step.comment());
		if (comment == null) {
			if (required) {
				throw new InvalidInput("comment", "required", "this step says why or what was answered");
			}
			return null;
		}
		if (comment.length() > TEXT_MAX) {
			throw new InvalidInput("comment", "max-length", "at most " + TEXT_MAX + " characters");
		}
		return comment;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String hash(ComplaintRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
