package ma.amo.regulation.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.regulation.ListingRequest;
import ma.amo.regulation.ListingRequests;
import ma.amo.regulation.NewListingRequest;
import ma.amo.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Listing requests", description = "Laboratories' requests to list a medicine, through the Transparency "
		+ "Committee to the referential version that publishes it")
@RestController
@RequestMapping("/api/v1/listing-requests")
class ListingRequestController {

	private final ListingRequests requests;

	ListingRequestController(ListingRequests requests) {
		this.requests = requests;
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "ListingRequestPublication")
	record Publication(Long versionId) {
	}

	@Operation(summary = "File a laboratory's request for a medicine not reimbursed; answers the follow-up code once",
			description = "A product already reimbursed in the referential in force, or the subject of a request not refused, is refused (409).")
	@ApiResponse(responseCode = "201", description = "The request filed, with the follow-up code")
	@ApiResponse(responseCode = "409", description = "Already reimbursed, or a duplicate of a request not refused")
	@PostMapping
	ResponseEntity<ListingRequests.Filed> file(@RequestBody NewListingRequest body) {
		ListingRequests.Filed filed = requests.file(body);
		return ResponseEntity.created(URI.create("/api/v1/listing-requests/" + filed.request().id())).body(filed);
	}

	@Operation(summary = "Requests at a step, oldest first, or all, newest first")
	@GetMapping
	PageOf<ListingRequest> requests(@RequestParam(required = false) ListingRequest.Status status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return requests.requests(status, page, size);
	}

	@Operation(summary = "A listing request with its steps")
	@GetMapping("/{id}")
	ListingRequest request(@PathVariable long id) {
		return requests.request(id);
	}

	@Operation(summary = "Record the Committee's next step: COMPLETE, EXAMINED (date of the session), OPINION "
			+ "(FAVOURABLE or UNFAVOURABLE), DECISION (LISTED or REFUSED)",
			description = "In this order only, each dated on or after the step before and not after today.")
	@ApiResponse(responseCode = "200", description = "The step recorded")
	@ApiResponse(responseCode = "409", description = "Not the request's next step, or the request is closed")
	@PostMapping("/{id}/steps")
	ListingRequest step(@PathVariable long id, @RequestBody ListingRequests.StepTaken body) {
		return requests.take(id, body);
	}

	@Operation(summary = "Close a request decided LISTED with the published referential version that lists the product")
	@ApiResponse(responseCode = "200", description = "The request published from the version's effective date")
	@ApiResponse(responseCode = "409", description = "Not decided LISTED, or the version is not published, does not list "
			+ "the product reimbursed, or takes effect before the decision")
	@PostMapping("/{id}/publication")
	ListingRequest publish(@PathVariable long id, @RequestBody Publication body) {
		return requests.published(id, body.versionId());
	}
}
