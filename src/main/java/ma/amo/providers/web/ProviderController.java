package ma.amo.providers.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.providers.Establishment;
import ma.amo.providers.EstablishmentImport;
import ma.amo.providers.Profession;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.ProviderDirectory.EstablishmentQuery;
import ma.amo.providers.ProviderStatus;
import ma.amo.providers.Sector;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Providers", description = "Directory of health professionals and establishments (INPE)")
@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

	private final ProviderDirectory directory;
	private final EstablishmentImport imports;
	private final Clock clock;

	ProviderController(ProviderDirectory directory, EstablishmentImport imports, Clock clock) {
		this.directory = directory;
		this.imports = imports;
		this.clock = clock;
	}

	@Operation(summary = "Search establishments: name (accent-insensitive, typo-tolerant), INPE, category, sector, region, commune")
	@GetMapping("/establishments")
	PageOf<Establishment> establishments(@RequestParam(required = false) String name,
			@RequestParam(required = false) String inpe, @RequestParam(required = false) String category,
			@RequestParam(required = false) Sector sector, @RequestParam(required = false) String region,
			@RequestParam(required = false) String commune, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return directory.search(new EstablishmentQuery(name, inpe, category, sector, region, commune), page, size);
	}

	@Operation(summary = "One establishment by INPE")
	@GetMapping("/establishments/{inpe}")
	Establishment establishment(@PathVariable String inpe) {
		return directory.establishment(inpe);
	}

	@Operation(summary = "Register an establishment; the INPE is assigned")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The establishment registered, with its INPE")
	@PostMapping("/establishments")
	ResponseEntity<Establishment> register(@RequestBody ProviderDirectory.NewEstablishment body) {
		require(body.name(), "name");
		require(body.category(), "category");
		require(body.region(), "region");
		require(body.province(), "province");
		require(body.commune(), "commune");
		if (body.sector() == null) {
			throw new InvalidInput("sector", "required", "is required");
		}
		Establishment created = directory.register(body, LocalDate.now(clock)).provider();
		return ResponseEntity.created(URI.create("/api/v1/providers/establishments/" + created.inpe())).body(created);
	}

	@Operation(summary = "Import a ministry list of establishments (.xlsx original or CSV); all or nothing")
	@PostMapping(path = "/establishments/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<EstablishmentImport.Outcome> importList(@RequestParam Sector sector,
			@RequestParam(required = false) Set<String> categories,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeFrom,
			@RequestPart MultipartFile file) throws IOException {
		String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
		EstablishmentImport.Format format = fileName.endsWith(".xlsx") ? EstablishmentImport.Format.XLSX
				: EstablishmentImport.Format.CSV;
		EstablishmentImport.Outcome outcome;
		try (InputStream content = file.getInputStream()) {
			outcome = imports.load(content, format, sector, categories == null ? Set.of() : categories,
					activeFrom == null ? LocalDate.now(clock) : activeFrom);
		}
		return outcome.imported() ? ResponseEntity.ok(outcome) : ResponseEntity.badRequest().body(outcome);
	}

	@Operation(summary = "Search professionals: name, INPE, profession, specialty, commune")
	@GetMapping("/professionals")
	PageOf<Professional> professionals(@RequestParam(required = false) String name,
			@RequestParam(required = false) String inpe, @RequestParam(required = false) Profession profession,
			@RequestParam(required = false) String specialty, @RequestParam(required = false) String commune,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return directory.searchProfessionals(name, inpe, profession, specialty, commune, page, size);
	}

	@Operation(summary = "One professional by INPE")
	@GetMapping("/professionals/{inpe}")
	Professional professional(@PathVariable String inpe) {
		return directory.professional(inpe);
	}

	@Operation(summary = "Register a professional; the INPE is assigned")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The professional registered, with its INPE")
	@PostMapping("/professionals")
	ResponseEntity<Professional> register(@RequestBody ProviderDirectory.NewProfessional body) {
		require(body.lastName(), "lastName");
		require(body.firstName(), "firstName");
		require(body.region(), "region");
		require(body.province(), "province");
		require(body.commune(), "commune");
		if (body.profession() == null) {
			throw new InvalidInput("profession", "required", "is required");
		}
		Professional created = directory.register(body, LocalDate.now(clock));
		return ResponseEntity.created(URI.create("/api/v1/providers/professionals/" + created.inpe())).body(created);
	}

	@Operation(summary = "Record that a professional practises in an establishment from a date")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "The practice recorded")
	@PostMapping("/professionals/{inpe}/practices")
	ResponseEntity<Void> practise(@PathVariable String inpe, @RequestBody NewPractice body) {
		if (body.startDate() == null) {
			throw new InvalidInput("startDate", "required", "is required");
		}
		directory.practise(inpe, body.establishmentInpe(), body.startDate());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Establishments where a professional practises on a date (today by default)")
	@GetMapping("/professionals/{inpe}/practices")
	java.util.List<Establishment> practices(@PathVariable String inpe,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		directory.professional(inpe);
		return directory.practices(inpe, date == null ? LocalDate.now(clock) : date);
	}

	@Operation(summary = "Record a convention with a payer body for a period")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "The convention recorded")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "Overlaps another convention with the payer body")
	@PostMapping("/{inpe}/conventions")
	ResponseEntity<Void> convention(@PathVariable String inpe, @RequestBody NewConvention body) {
		directory.convention(inpe, body.payerBody(), body.startDate(), body.endDate());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Record a status (ACTIVE, SUSPENDED, CLOSED) from a date")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "The status recorded")
	@PostMapping("/{inpe}/statuses")
	ResponseEntity<Void> status(@PathVariable String inpe, @RequestBody NewStatus body) {
		directory.status(inpe, body.status(), body.effectiveFrom(), body.reason());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "A provider's status and conventions on a date (today by default)")
	@GetMapping("/{inpe}/standing")
	Standing standing(@PathVariable String inpe,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		LocalDate on = date == null ? LocalDate.now(clock) : date;
		ProviderStatus status = directory.statusOn(inpe, on).orElse(null);
		return new Standing(inpe, on, status, directory.conventionedOn(inpe, "CNSS", on),
				directory.conventionedOn(inpe, "CNOPS", on));
	}

	private static void require(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "required", "is required");
		}
	}

	record NewPractice(@Size(max = 9) String establishmentInpe, LocalDate startDate) {
	}

	record NewConvention(@Size(max = 10) String payerBody, LocalDate startDate, LocalDate endDate) {
	}

	record NewStatus(ProviderStatus status, LocalDate effectiveFrom, @Size(max = 1000) String reason) {
	}

	record Standing(String inpe, LocalDate date, ProviderStatus status, boolean conventionCnss,
			boolean conventionCnops) {
	}
}
