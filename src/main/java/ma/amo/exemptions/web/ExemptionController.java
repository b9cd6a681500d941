package ma.amo.exemptions.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.exemptions.Exemption;
import ma.amo.exemptions.Exemptions;
import ma.amo.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "ALD exemptions", description = "Exemptions (accords ETM) for long-term conditions")
@RestController
@RequestMapping("/api/v1/ald-exemptions")
class ExemptionController {

	private final Exemptions exemptions;

	ExemptionController(Exemptions exemptions) {
		this.exemptions = exemptions;
	}

	record Grant(@Size(max = 10) String idcs, @Min(1) @Max(999) Integer conditionCode, LocalDate validFrom) {
	}

	record Revocation(LocalDate from, @Size(max = 1000) String reason) {
	}

	@Operation(summary = "Grant an exemption for a condition of the list: valid the condition's years from validFrom, or for life")
	@Audited(record = "ALD_EXEMPTION", returned = "number", action = Action.CHANGE, purpose = "MEDICAL_REVIEW")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The exemption granted, with its number")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No person with this IDCS, or no such condition")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Overlaps another exemption of the person for the condition")
	@PostMapping
	ResponseEntity<Exemption> grant(@RequestBody Grant grant) {
		Exemption granted = exemptions.grant(grant.idcs(), grant.conditionCode(), grant.validFrom(),
				Viewer.actingAccount());
		return ResponseEntity.created(URI.create("/api/v1/ald-exemptions/" + granted.number())).body(granted);
	}

	@Audited(record = "ALD_EXEMPTION", returned = "number", purpose = "MEDICAL_REVIEW")
	@GetMapping
	List<Exemption> of(@RequestParam String idcs) {
		return exemptions.of(idcs);
	}

	@Audited(record = "ALD_EXEMPTION", id = "number", purpose = "MEDICAL_REVIEW")
	@GetMapping("/{number}")
	Exemption exemption(@PathVariable String number) {
		return exemptions.exemption(number);
	}

	@Operation(summary = "Revoke an exemption from a day, with the reason")
	@Audited(record = "ALD_EXEMPTION", id = "number", action = Action.CHANGE, purpose = "MEDICAL_REVIEW")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The exemption revoked")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Already revoked")
	@PostMapping("/{number}/revocation")
	Exemption revoke(@PathVariable String number, @RequestBody Revocation revocation) {
		return exemptions.revoke(number, revocation.from(), revocation.reason());
	}
}
