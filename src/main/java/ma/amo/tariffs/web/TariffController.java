package ma.amo.tariffs.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.shared.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import ma.amo.tariffs.TariffVersions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reference tariff", description = "Versions of the TNR (key letters and acts) under maker-checker")
@RestController
@RequestMapping("/api/v1/tariffs")
class TariffController {

	private final TariffVersions versions;
	private final Clock clock;

	TariffController(TariffVersions versions, Clock clock) {
		this.versions = versions;
		this.clock = clock;
	}

	@Operation(summary = "Tariff versions, newest first")
	@GetMapping("/versions")
	List<TariffVersions.Version> versions() {
		return versions.versions();
	}

	@Operation(summary = "Propose a version: a copy of another with changed key-letter values")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The version proposed")
	@PostMapping("/versions")
	ResponseEntity<TariffVersions.Version> propose(@RequestBody NewVersion body) {
		if (body.basedOn() == null) {
			throw new ma.amo.shared.InvalidInput("basedOn", "required", "is required");
		}
		TariffVersions.Version version = versions.propose(body.name(), body.effectiveFrom(), body.basedOn(),
				body.keyLetters(), Viewer.actingAccount());
		return ResponseEntity.created(URI.create("/api/v1/tariffs/versions/" + version.id())).body(version);
	}

	@Operation(summary = "Publish a proposed version (by another account than the proposer's)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The version published")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Decided already, or by its proposer")
	@PostMapping("/versions/{id}/publication")
	TariffVersions.Version publish(@PathVariable long id) {
		return versions.decide(id, Viewer.actingAccount(), true);
	}

	@Operation(summary = "Reject a proposed version (by another account than the proposer's)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The version rejected")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Decided already, or by its proposer")
	@PostMapping("/versions/{id}/rejection")
	TariffVersions.Version reject(@PathVariable long id) {
		return versions.decide(id, Viewer.actingAccount(), false);
	}

	@Operation(summary = "The acts of a version, by code: text matches the code or the label, keyLetter the key letter")
	@GetMapping("/versions/{id}/acts")
	ma.amo.shared.PageOf<TariffVersions.ActOfVersion> acts(@PathVariable long id,
			@RequestParam(required = false) String text, @RequestParam(required = false) String keyLetter,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return versions.acts(id, text, keyLetter, page, size);
	}

	@Operation(summary = "The value of a key letter for a payer body and sector on a date (today by default)")
	@GetMapping("/key-letters/{letter}")
	TariffVersions.KeyLetterOnDate keyLetter(@PathVariable String letter,
			@RequestParam(required = false) String payerBody, @RequestParam(required = false) String sector,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return versions.keyLetterOn(letter, payerBody, sector, date == null ? LocalDate.now(clock) : date);
	}

	record NewVersion(@Size(max = 200) String name, LocalDate effectiveFrom, Long basedOn,
			@Size(max = 1000) List<TariffVersions.@Valid KeyLetterChange> keyLetters) {
	}
}
