package ma.amo.approvals.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.approvals.Approval;
import ma.amo.approvals.ApprovalRequest;
import ma.amo.approvals.PriorApprovals;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Prior approvals", description = "Requests of establishments before a stay, a series or a costly "
		+ "treatment (prises en charge), answered within 48 working hours (7 days for dialysis)")
@RestController
@RequestMapping("/api/v1/prior-approvals")
class ApprovalController {

	private final PriorApprovals approvals;
	private final Clock clock;

	ApprovalController(PriorApprovals approvals, Clock clock) {
		this.approvals = approvals;
		this.clock = clock;
	}

	/** A decision: APPROVED with amount, validFrom, validUntil (and sessions for a series), or REJECTED or
	 * MORE_INFORMATION_REQUESTED with the reason (the question). */
	record DecisionBody(PriorApprovals.Verdict decision, BigDecimal amount, LocalDate validFrom, LocalDate validUntil,
			Integer sessions, String reason) {
	}

	record AnswerBody(String answer) {
	}

	/** An extension: the new end, the amount and sessions added, and why. */
	record ExtensionBody(LocalDate validUntil, BigDecimal additionalAmount, Integer additionalSessions, String reason) {
	}

	@Operation(summary = "Ask for a prior approval (header Idempotency-Key), in the establishment's own name",
			description = "careType HOSPITAL_STAY (with stayDays), SURGERY, CHEMOTHERAPY (protocol, sessions), DIALYSIS, "
					+ "PHYSIOTHERAPY, SPEECH_THERAPY (sessions), COSTLY_MEDICINE, ORTHODONTICS (patient up to 16), DEVICE; "
					+ "lines are estimated by the quote; renews the reference of an approval it renews. The pre-check "
					+ "runs at once: rights not open on expectedStart reject the request. 201 PENDING with its due date "
					+ "(48 working hours, 7 days for dialysis); a repeat with the same key returns the first request "
					+ "(200); the same key with another content is refused (409).")
	@Audited(record = "PRIOR_APPROVAL", returned = "reference", action = Action.CHANGE, purpose = "PRIOR_APPROVAL")
	@ApiResponse(responseCode = "201", description = "The request stored, pre-checked, with its due date")
	@ApiResponse(responseCode = "200", description = "The request first stored under this key")
	@ApiResponse(responseCode = "409", description = "The key used for another request, or a renewal of no approval of that care")
	@PostMapping
	ResponseEntity<Approval> request(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody ApprovalRequest request) {
		PriorApprovals.Filed filed = approvals.request(key, request);
		return ResponseEntity.status(filed.repeated() ? 200 : 201)
			.location(URI.create("/api/v1/prior-approvals/" + filed.approval().reference()))
			.body(filed.approval());
	}

	@Operation(summary = "A patient's prior approvals, newest first (those the caller may read)")
	@Audited(record = "PRIOR_APPROVAL", returned = "reference", purpose = "PRIOR_APPROVAL")
	@GetMapping
	List<Approval> ofPatient(@RequestParam(required = false) String idcs) {
		return approvals.ofPatient(idcs);
	}

	@Operation(summary = "Pending requests past their due date at a moment (now by default), the longest overdue first",
			description = "With the working minutes late of each (nights, weekends and public holidays left out).")
	@Audited(record = "PRIOR_APPROVAL", returned = "reference", purpose = "MEDICAL_REVIEW")
	@GetMapping("/overdue")
	List<PriorApprovals.Overdue> overdue(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
			@RequestParam(defaultValue = "1000") int limit) {
		return approvals.overdue(at == null ? LocalDateTime.now(clock) : at, limit);
	}

	@Operation(summary = "A prior approval with its pre-check, decision, use and history (the medical note for "
			+ "medical reviewers only)")
	@Audited(record = "PRIOR_APPROVAL", id = "reference", purpose = "PRIOR_APPROVAL")
	@GetMapping("/{reference}")
	Approval approval(@PathVariable String reference) {
		return approvals.approval(reference);
	}

	@Operation(summary = "The medical reviewer's decision on a PENDING request")
	@Audited(record = "PRIOR_APPROVAL", id = "reference", action = Action.CHANGE, purpose = "MEDICAL_REVIEW")
	@ApiResponse(responseCode = "200", description = "The request decided")
	@ApiResponse(responseCode = "409", description = "The request is not PENDING")
	@PostMapping("/{reference}/decision")
	Approval decide(@PathVariable String reference, @RequestBody DecisionBody body) {
		return approvals.decide(reference, new PriorApprovals.Decision(body.decision(),
				new Approval.Grant(body.amount(), body.validFrom(), body.validUntil(), body.sessions()), body.reason()));
	}

	@Operation(summary = "The establishment's answer to the reviewer's question: PENDING again, due a full delay later")
	@Audited(record = "PRIOR_APPROVAL", id = "reference", action = Action.CHANGE, purpose = "PRIOR_APPROVAL")
	@ApiResponse(responseCode = "200", description = "The answer recorded")
	@ApiResponse(responseCode = "409", description = "No question waits for an answer")
	@PostMapping("/{reference}/answer")
	Approval answer(@PathVariable String reference, @RequestBody AnswerBody body) {
		return approvals.answer(reference, body.answer());
	}

	@Operation(summary = "Extend an approval still valid: a later end, more amount or sessions, with the reason")
	@Audited(record = "PRIOR_APPROVAL", id = "reference", action = Action.CHANGE, purpose = "MEDICAL_REVIEW")
	@ApiResponse(responseCode = "200", description = "The approval extended")
	@ApiResponse(responseCode = "409", description = "Not approved, or its validity ended")
	@PostMapping("/{reference}/extension")
	Approval extend(@PathVariable String reference, @RequestBody ExtensionBody body) {
		return approvals.extend(reference, new Approval.Grant(body.additionalAmount(), null, body.validUntil(),
				body.additionalSessions()), body.reason());
	}
}
