package ma.amo.protocols.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.protocols.ProtocolVersion;
import ma.amo.protocols.TherapeuticProtocols;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Therapeutic protocols", description = "What an ALD exemption covers, by condition: proposed by a regulator, approved by another, read by payer agents")
@RestController
@RequestMapping("/api/v1/protocols")
class ProtocolController {

	private final TherapeuticProtocols protocols;

	ProtocolController(TherapeuticProtocols protocols) {
		this.protocols = protocols;
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "ProtocolRejection")
	record Rejection(@Size(max = 2000) String note) {
	}

	@Operation(summary = "Propose a version of a condition's protocol: its days, source and items (acts, examinations, medicines by DCI, each with a count per month, quarter or year)")
	@ApiResponse(responseCode = "201", description = "The version proposed, waiting for a second regulator")
	@ApiResponse(responseCode = "400", description = "A field missing or out of its bounds, named in the problem")
	@PostMapping
	ResponseEntity<ProtocolVersion> propose(@RequestBody TherapeuticProtocols.Proposal body) {
		ProtocolVersion version = protocols.propose(body);
		return ResponseEntity.created(URI.create("/api/v1/protocols/" + version.id())).body(version);
	}

	@Operation(summary = "The protocol versions of a condition (or of all), in a status (or all), the latest start first")
	@ApiResponse(responseCode = "200", description = "The versions with their items")
	@ApiResponse(responseCode = "400", description = "A condition code outside 1..99")
	@GetMapping
	List<ProtocolVersion> versions(@RequestParam(required = false) Integer condition,
			@RequestParam(required = false) ProtocolVersion.Status status) {
		checkCondition(condition);
		return protocols.versions(condition, status);
	}

	@Operation(summary = "The approved version of a condition's protocol in force on a date of care")
	@ApiResponse(responseCode = "200", description = "The version in force")
	@ApiResponse(responseCode = "400", description = "A condition code outside 1..99 or a date outside 1900..2100")
	@ApiResponse(responseCode = "404", description = "The condition has no protocol in force that day")
	@GetMapping("/in-force")
	ProtocolVersion inForce(@RequestParam int condition, @RequestParam LocalDate date) {
		checkCondition(condition);
		if (InputBounds.dateProblem(date) != null) {
			throw new InvalidInput("date", "range", InputBounds.dateProblem(date));
		}
		return protocols.inForce(condition, date)
			.orElseThrow(() -> new NotFound("condition", "no protocol in force for condition " + condition + " on " + date));
	}

	@Operation(summary = "A protocol version with its items")
	@ApiResponse(responseCode = "200", description = "The version")
	@ApiResponse(responseCode = "404", description = "No such version")
	@GetMapping("/{id}")
	ProtocolVersion version(@PathVariable long id) {
		return protocols.version(id);
	}

	@Operation(summary = "Approve a proposed version (another regulator than its proposer): it applies to care of its days")
	@ApiResponse(responseCode = "200", description = "The version approved")
	@ApiResponse(responseCode = "404", description = "No such version")
	@ApiResponse(responseCode = "409", description = "Decided already, proposed by the same account, or another approved version starts the same day")
	@PostMapping("/{id}/approval")
	ProtocolVersion approve(@PathVariable long id) {
		return protocols.approve(id);
	}

	@Operation(summary = "Reject a proposed version with a note (another regulator than its proposer)")
	@ApiResponse(responseCode = "200", description = "The version rejected")
	@ApiResponse(responseCode = "400", description = "The note missing or too long")
	@ApiResponse(responseCode = "404", description = "No such version")
	@ApiResponse(responseCode = "409", description = "Decided already, or proposed by the same account")
	@PostMapping("/{id}/rejection")
	ProtocolVersion reject(@PathVariable long id, @RequestBody Rejection body) {
		return protocols.reject(id, body.note());
	}

	private static void checkCondition(Integer condition) {
		if (condition != null && (condition < 1 || condition > 99)) {
			throw new InvalidInput("condition", "range", "a condition code between 1 and 99");
		}
	}
}
