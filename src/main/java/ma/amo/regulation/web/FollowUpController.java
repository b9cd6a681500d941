package ma.amo.regulation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.regulation.InpeRequests;
import ma.amo.regulation.ListingRequests;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What applicants follow without an account: their request, found by its reference and the code handed at filing. */
@Tag(name = "Public services", description = "Open without logging in: the follow-up of requests and the medicines guide")
@RestController
@RequestMapping("/api/v1/public")
class FollowUpController {

	private final InpeRequests inpeRequests;
	private final ListingRequests listingRequests;

	FollowUpController(InpeRequests inpeRequests, ListingRequests listingRequests) {
		this.inpeRequests = inpeRequests;
		this.listingRequests = listingRequests;
	}

	@Operation(summary = "An INPE request's status, steps and messages, for its applicant (reference and follow-up code)",
			description = "A wrong code and an unknown reference both answer 404.")
	@GetMapping("/inpe-requests/{reference}")
	InpeRequests.FollowUp inpeRequest(@PathVariable String reference, @RequestParam(required = false) String code) {
		return inpeRequests.followUp(reference, code);
	}

	@Operation(summary = "A listing request's steps through the Transparency Committee, for its laboratory (reference "
			+ "and follow-up code)", description = "A wrong code and an unknown reference both answer 404.")
	@GetMapping("/listing-requests/{reference}")
	ListingRequests.FollowUp listingRequest(@PathVariable String reference, @RequestParam(required = false) String code) {
		return listingRequests.followUp(reference, code);
	}
}
