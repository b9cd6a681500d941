package ma.amo.regulation.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.regulation.InpeRequest;
import ma.amo.regulation.InpeRequests;
import ma.amo.regulation.NewInpeRequest;
import ma.amo.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "INPE requests", description = "Requests for an INPE, filed at the regulator's desk and decided by two regulators")
@RestController
@RequestMapping("/api/v1/inpe-requests")
class InpeRequestController {

	private final InpeRequests requests;

	InpeRequestController(InpeRequests requests) {
		this.requests = requests;
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "InpeRequestMessage")
	record Message(@Size(max = 2000) String message) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "InpeRequestRefusal")
	record Refusal(@Size(max = 2000) String reason) {
	}

	@Operation(summary = "File a request from the applicant's papers; answers the follow-up code to hand to the applicant, once",
			description = "kind PROFESSIONAL (lastName, firstName, profession, specialty for specialists, diplomaReference, "
					+ "orderNumber) or ESTABLISHMENT (name, category, sector, authorisationReference, address); region, "
					+ "province, commune. A request not refused for the same order registration (same profession) or the "
					+ "same authorisation is a duplicate (409).")
	@Audited(record = "INPE_REQUEST", returned = "request.reference", action = Action.CHANGE, purpose = "PROVIDER_REGISTRATION")
	@ApiResponse(responseCode = "201", description = "The request filed, with the follow-up code")
	@ApiResponse(responseCode = "409", description = "A duplicate of a request not refused")
	@PostMapping
	ResponseEntity<InpeRequests.Filed> file(@RequestBody NewInpeRequest body) {
		InpeRequests.Filed filed = requests.file(body);
		return ResponseEntity.created(URI.create("/api/v1/inpe-requests/" + filed.request().id())).body(filed);
	}

	@Operation(summary = "Requests in a status, oldest first (the queue), or all, newest first")
	@Audited(record = "INPE_REQUEST", returned = "reference", purpose = "PROVIDER_REGISTRATION")
	@GetMapping
	PageOf<InpeRequest> requests(@RequestParam(required = false) InpeRequest.Status status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return requests.requests(status, page, size);
	}

	@Operation(summary = "A request with its steps")
	@Audited(record = "INPE_REQUEST", returned = "reference", purpose = "PROVIDER_REGISTRATION")
	@GetMapping("/{id}")
	InpeRequest request(@PathVariable long id) {
		return requests.request(id);
	}

	@Operation(summary = "Ask the applicant for more information (the message says what)")
	@Audited(record = "INPE_REQUEST", returned = "reference", action = Action.CHANGE, purpose = "PROVIDER_REGISTRATION")
	@ApiResponse(responseCode = "200", description = "The request waits for the applicant")
	@ApiResponse(responseCode = "409", description = "The request is not under examination")
	@PostMapping("/{id}/information-request")
	InpeRequest requestInformation(@PathVariable long id, @RequestBody Message body) {
		return requests.requestInformation(id, body.message());
	}

	@Operation(summary = "Record the applicant's answer brought to the desk: the request is examined again")
	@Audited(record = "INPE_REQUEST", returned = "reference", action = Action.CHANGE, purpose = "PROVIDER_REGISTRATION")
	@ApiResponse(responseCode = "200", description = "The request filed again")
	@ApiResponse(responseCode = "409", description = "The request waits for no answer")
	@PostMapping("/{id}/answer")
	InpeRequest answer(@PathVariable long id, @RequestBody Message body) {
		return requests.answer(id, body.message());
	}

	@Operation(summary = "Propose to approve the request (maker): another regulator approves it")
	@Audited(record = "INPE_REQUEST", returned = "reference", action = Action.CHANGE, purpose = "PROVIDER_REGISTRATION")
	@ApiResponse(responseCode = "200", description = "The approval proposed")
	@ApiResponse(responseCode = "409", description = "The request is not filed, or waits for the applicant")
	@PostMapping("/{id}/approval-proposal")
	InpeRequest proposeApproval(@PathVariable long id) {
		return requests.proposeApproval(id);
	}

	@Operation(summary = "Approve the request (checker, not the proposer): the INPE is issued and the provider registered")
	@Audited(record = "INPE_REQUEST", returned = "reference", action = Action.CHANGE, purpose = "PROVIDER_REGISTRATION")
	@ApiResponse(responseCode = "200", description = "The request approved, with its INPE")
	@ApiResponse(responseCode = "409", description = "Not proposed for approval, proposed by the same account, or the "
			+ "establishment already in the directory")
	@PostMapping("/{id}/approval")
	InpeRequest approve(@PathVariable long id) {
		return requests.approve(id);
	}

	@Operation(summary = "Refuse the request with the reason given to the applicant")
	@Audited(record = "INPE_REQUEST", returned = "reference", action = Action.CHANGE, purpose = "PROVIDER_REGISTRATION")
	@ApiResponse(responseCode = "200", description = "The request refused")
	@ApiResponse(responseCode = "409", description = "The request is already decided")
	@PostMapping("/{id}/refusal")
	InpeRequest refuse(@PathVariable long id, @RequestBody Refusal body) {
		return requests.refuse(id, body.reason());
	}
}
