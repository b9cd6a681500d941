package ma.amo.tariffs.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.tariffs.LongTermConditionChange;
import ma.amo.tariffs.LongTermConditionChanges;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "ALD list changes", description = "Conditions added to, changed in or retired from the ALD list by the regulator under maker-checker")
@RestController
@RequestMapping("/api/v1/ald-list-changes")
class LongTermConditionChangeController {

	private final LongTermConditionChanges changes;

	LongTermConditionChangeController(LongTermConditionChanges changes) {
		this.changes = changes;
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "LongTermConditionChangeRejection")
	record Rejection(@Size(max = 2000) String note) {
	}

	@Operation(summary = "Propose to add a condition to the ALD list, change its terms or retire it, from a date")
	@ApiResponse(responseCode = "201", description = "The change proposed, waiting for a second regulator")
	@ApiResponse(responseCode = "400", description = "A field missing or out of its bounds, named in the problem")
	@PostMapping
	ResponseEntity<LongTermConditionChange> propose(@RequestBody LongTermConditionChanges.Proposal body) {
		LongTermConditionChange change = changes.propose(body);
		return ResponseEntity.created(URI.create("/api/v1/ald-list-changes/" + change.id())).body(change);
	}

	@Operation(summary = "Changes in a status, oldest first, or all, newest first (500 at most)")
	@ApiResponse(responseCode = "200", description = "The changes")
	@GetMapping
	List<LongTermConditionChange> changes(@RequestParam(required = false) LongTermConditionChange.Status status) {
		return changes.changes(status);
	}

	@Operation(summary = "A change of the ALD list")
	@ApiResponse(responseCode = "200", description = "The change")
	@ApiResponse(responseCode = "404", description = "No such change")
	@GetMapping("/{id}")
	LongTermConditionChange change(@PathVariable long id) {
		return changes.change(id);
	}

	@Operation(summary = "Apply a proposed change to the list (another regulator than its proposer)")
	@ApiResponse(responseCode = "200", description = "The change applied")
	@ApiResponse(responseCode = "404", description = "No such change")
	@ApiResponse(responseCode = "409", description = "Decided already, proposed by the same account, or the list does not "
			+ "allow it on its date (a condition added while listed, changed or retired while not listed)")
	@PostMapping("/{id}/approval")
	LongTermConditionChange approve(@PathVariable long id) {
		return changes.approve(id);
	}

	@Operation(summary = "Reject a proposed change with a note (another regulator than its proposer)")
	@ApiResponse(responseCode = "200", description = "The change rejected")
	@ApiResponse(responseCode = "400", description = "The note missing or too long")
	@ApiResponse(responseCode = "404", description = "No such change")
	@ApiResponse(responseCode = "409", description = "Decided already, or proposed by the same account")
	@PostMapping("/{id}/rejection")
	LongTermConditionChange reject(@PathVariable long id, @RequestBody Rejection body) {
		return changes.reject(id, body.note());
	}
}
