package ma.amo.tariffs.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.shared.Viewer;
import ma.amo.tariffs.MedicineBase;
import ma.amo.tariffs.MedicineReferential;
import ma.amo.tariffs.MedicineReferentials;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Medicines referential", description = "Versions of the GMR under maker-checker, generic groups and bases")
@RestController
@RequestMapping("/api/v1/tariffs/medicines")
class MedicineController {

	private final MedicineReferentials referentials;
	private final Clock clock;

	MedicineController(MedicineReferentials referentials, Clock clock) {
		this.referentials = referentials;
		this.clock = clock;
	}

	@Operation(summary = "Propose a new version from the payer's file (.xlsx or CSV); all or nothing",
			description = "Answers 201 with the PROPOSED version, or 400 with every rejected row (line, field, reason).")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The version proposed")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "Rejected rows, nothing proposed", useReturnTypeSchema = true)
	@PostMapping(path = "/referentials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<MedicineReferentials.Proposal> propose(
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestPart MultipartFile file) throws IOException {
		String name = file.getOriginalFilename() == null ? "referential.csv" : file.getOriginalFilename();
		MedicineReferentials.Proposal proposal;
		try (InputStream content = file.getInputStream()) {
			proposal = referentials.propose(content, name.toLowerCase().endsWith(".xlsx"), name, effectiveFrom,
					Viewer.actingAccount());
		}
		if (proposal.referential() == null) {
			return ResponseEntity.badRequest().body(proposal);
		}
		return ResponseEntity.created(URI.create("/api/v1/tariffs/medicines/referentials/" + proposal.referential().id()))
			.body(proposal);
	}

	@Operation(summary = "Versions of the referential, newest first")
	@GetMapping("/referentials")
	List<MedicineReferential> referentials() {
		return referentials.referentials();
	}

	@Operation(summary = "Publish a proposed version (by another account than the proposer's)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The version published")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Decided already, or by its proposer")
	@PostMapping("/referentials/{id}/publication")
	MedicineReferential publish(@PathVariable long id) {
		return referentials.decide(id, Viewer.actingAccount(), true);
	}

	@Operation(summary = "Reject a proposed version (by another account than the proposer's)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The version rejected")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Decided already, or by its proposer")
	@PostMapping("/referentials/{id}/rejection")
	MedicineReferential reject(@PathVariable long id) {
		return referentials.decide(id, Viewer.actingAccount(), false);
	}

	@Operation(summary = "The reimbursement base of a medicine for a payer body on a date, and why")
	@GetMapping("/{code}/base")
	MedicineBase base(@PathVariable String code, @RequestParam String payerBody,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return referentials.base(code, payerBody, date == null ? LocalDate.now(clock) : date);
	}
}
