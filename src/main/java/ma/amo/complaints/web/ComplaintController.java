package ma.amo.complaints.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.complaints.Category;
import ma.amo.complaints.Complainant;
import ma.amo.complaints.ComplainantView;
import ma.amo.complaints.Complaint;
import ma.amo.complaints.ComplaintHandling;
import ma.amo.complaints.ComplaintRequest;
import ma.amo.complaints.Overdue;
import ma.amo.complaints.PersonalDataExport;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@Tag(name = "Complaints", description = "Complaints of insured persons and providers, their legal clocks (décret "
		+ "2-17-265) and data-protection requests (loi 09-08)")
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

	private final ComplaintHandling complaints;
	private final PersonalDataExport exports;
	private final Clock clock;
	private final JsonMapper json;

	ComplaintController(ComplaintHandling complaints, PersonalDataExport exports, Clock clock, JsonMapper json) {
		this.complaints = complaints;
		this.exports = exports;
		this.clock = clock;
		this.json = json;
	}

	@Operation(summary = "File a complaint (header Idempotency-Key); the answer is the complainant's view",
			description = "complainantKind INSURED (complainantId an IDCS) or PROVIDER (an INPE); category one of "
					+ "/api/v1/complaints/categories. 201 with the due dates of acknowledgement (15 days) and answer (60 "
					+ "days), calendar days from receivedOn (today by default); a repeat with the same key returns the "
					+ "first complaint (200); the same key with another content is refused (409).")
	@Audited(record = "COMPLAINT", returned = "id", action = Action.CHANGE, purpose = "COMPLAINT_HANDLING")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The complaint filed (the complainant's view)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The complaint first filed under this key")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The key used for another complaint")
	@PostMapping
	ResponseEntity<ComplainantView> file(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody ComplaintRequest request) {
		ComplaintHandling.Filed filed = complaints.file(key, request);
		return ResponseEntity.status(filed.repeated() ? 200 : 201)
			.location(URI.create("/api/v1/complaints/" + filed.complaint().id()))
			.body(filed.complaint().forComplainant());
	}

	@Operation(summary = "The categories of complaint with their French labels")
	@GetMapping("/categories")
	List<CategoryLabel> categories() {
		return Arrays.stream(Category.values()).map(c -> new CategoryLabel(c, c.label(), c.dataProtection())).toList();
	}

	@Operation(summary = "A complainant's complaints as they see them (no agent names, no internal notes)")
	@Audited(record = "COMPLAINT", returned = "id", purpose = "COMPLAINT_HANDLING")
	@GetMapping
	List<ComplainantView> ofComplainant(@RequestParam Complainant.Kind complainantKind,
			@RequestParam String complainantId) {
		return complaints.ofComplainant(new Complainant(complainantKind, complainantId.strip()));
	}

	@Operation(summary = "The complaint as its complainant sees it")
	@Audited(record = "COMPLAINT", id = "id", purpose = "COMPLAINT_HANDLING")
	@GetMapping("/{id}")
	ComplainantView complaint(@PathVariable long id) {
		return complaints.complaint(id).forComplainant();
	}

	@Operation(summary = "The complaint as agents see it: whole history with actors, assignee and internal notes")
	@Audited(record = "COMPLAINT", id = "id", purpose = "COMPLAINT_HANDLING")
	@GetMapping("/{id}/agent-view")
	Complaint agentView(@PathVariable long id) {
		return complaints.complaint(id);
	}

	@Operation(summary = "Acknowledge receipt (FILED only; due within 15 days of filing)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The complaint acknowledged")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "A step out of order")
	@PostMapping("/{id}/acknowledgement")
	Complaint acknowledge(@PathVariable long id, @RequestBody StepBody body) {
		return complaints.acknowledge(id, body.step());
	}

	@Operation(summary = "Assign to an agent (acknowledged or assigned complaints)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The complaint assigned")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "A step out of order")
	@PostMapping("/{id}/assignment")
	Complaint assign(@PathVariable long id, @RequestBody StepBody body) {
		return complaints.assign(id, body.assignee(), body.step());
	}

	@Operation(summary = "Answer (the comment is the answer sent; due within 60 days of filing)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The complaint answered")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "A step out of order")
	@PostMapping("/{id}/answer")
	Complaint answer(@PathVariable long id, @RequestBody StepBody body) {
		return complaints.answer(id, body.step());
	}

	@Operation(summary = "Escalate to the regulator (ANAM), once, with the reason as comment")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The complaint escalated")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "A step out of order")
	@PostMapping("/{id}/escalation")
	Complaint escalate(@PathVariable long id, @RequestBody StepBody body) {
		return complaints.escalate(id, body.step());
	}

	@Operation(summary = "Close an answered complaint")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The complaint closed")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "A step out of order")
	@PostMapping("/{id}/closure")
	Complaint close(@PathVariable long id, @RequestBody StepBody body) {
		return complaints.close(id, body.step());
	}

	@Operation(summary = "Add an internal note (never shown to the complainant)")
	@Audited(record = "COMPLAINT", id = "id", action = Action.CHANGE, purpose = "COMPLAINT_HANDLING")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The note recorded")
	@PostMapping("/{id}/notes")
	ResponseEntity<Complaint> note(@PathVariable long id, @RequestBody NoteBody body) {
		return ResponseEntity.status(201).body(complaints.note(id, Viewer.actingAccount(), body.text()));
	}

	@Operation(summary = "Complaints past a legal due date on a date (today by default), oldest filed first",
			description = "Not acknowledged after 15 days or not answered after 60 (calendar days from filing), with "
					+ "the days late of each step; a step done stops its clock.")
	@GetMapping("/overdue")
	List<Overdue> overdue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "1000") int limit) {
		return complaints.overdue(date == null ? LocalDate.now(clock) : date, limit);
	}

	@Operation(summary = "Everything the platform holds on the person of a DATA_PROTECTION_ACCESS request",
			description = "Person and social register scores, memberships with regime periods, dependants, declared "
					+ "salaries and contribution calls, dependant links, rights history, claims with their lines, "
					+ "complaints. format=json (default) or zip (the JSON and CSV files of identity, rights, care, "
					+ "declared salaries and complaints). 409 for a complaint of another category.")
	@Audited(record = "COMPLAINT", id = "id", purpose = "DATA_SUBJECT_ACCESS")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The personal data (JSON, or zip with format=zip)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The complaint is not an access request")
	@GetMapping("/{id}/personal-data-export")
	ResponseEntity<?> export(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
		if (!format.equals("json") && !format.equals("zip")) {
			throw new InvalidInput("format", "enum", "must be json or zip");
		}
		PersonalDataExport.Export export = exports.forRequest(id);
		String file = "donnees-personnelles-" + id + "." + format;
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
		return format.equals("zip")
				? answer.contentType(MediaType.parseMediaType("application/zip")).body(ExportArchive.zip(export, json))
				: answer.contentType(MediaType.APPLICATION_JSON).body(export);
	}

	record CategoryLabel(Category code, String label, boolean dataProtection) {
	}

	/** A step: on which day (today when absent), the comment; the assignee for an assignment. The actor is the account. */
	record StepBody(@PastOrPresent LocalDate on, @Size(max = 2000) String comment, @Size(max = 100) String assignee) {

		ComplaintHandling.Step step() {
			return new ComplaintHandling.Step(Viewer.actingAccount(), on, comment);
		}
	}

	record NoteBody(@Size(max = 10_000) String text) {
	}
}
