package ma.amo.regulation.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.regulation.ReferentialChange;
import ma.amo.regulation.ReferentialChanges;
import ma.amo.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Referential changes", description = "Conventions and provider statuses changed by the regulator under maker-checker")
@RestController
@RequestMapping("/api/v1/referential-changes")
class ReferentialChangeController {

	private final ReferentialChanges changes;

	ReferentialChangeController(ReferentialChanges changes) {
		this.changes = changes;
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "ReferentialChangeRejection")
	record Rejection(@Size(max = 2000) String note) {
	}

	@Operation(summary = "Propose a convention (payerBody, startDate, endDate) or a provider status (status, startDate) for an INPE")
	@ApiResponse(responseCode = "201", description = "The change proposed, waiting for a second regulator")
	@ApiResponse(responseCode = "404", description = "No provider with this INPE")
	@PostMapping
	ResponseEntity<ReferentialChange> propose(@RequestBody ReferentialChanges.Proposal body) {
		ReferentialChange change = changes.propose(body);
		return ResponseEntity.created(URI.create("/api/v1/referential-changes/" + change.id())).body(change);
	}

	@Operation(summary = "Changes in a status, oldest first, or all, newest first")
	@GetMapping
	PageOf<ReferentialChange> changes(@RequestParam(required = false) ReferentialChange.Status status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return changes.changes(status, page, size);
	}

	@Operation(summary = "A referential change")
	@GetMapping("/{id}")
	ReferentialChange change(@PathVariable long id) {
		return changes.change(id);
	}

	@Operation(summary = "Apply a proposed change to the directory (another regulator than its proposer)")
	@ApiResponse(responseCode = "200", description = "The change applied")
	@ApiResponse(responseCode = "409", description = "Decided already, proposed by the same account, or refused by the "
			+ "directory (a convention overlapping another)")
	@PostMapping("/{id}/approval")
	ReferentialChange approve(@PathVariable long id) {
		return changes.approve(id);
	}

	@Operation(summary = "Reject a proposed change with a note (another regulator than its proposer)")
	@ApiResponse(responseCode = "200", description = "The change rejected")
	@ApiResponse(responseCode = "409", description = "Decided already, or proposed by the same account")
	@PostMapping("/{id}/rejection")
	ReferentialChange reject(@PathVariable long id, @RequestBody Rejection body) {
		return changes.reject(id, body.note());
	}
}
