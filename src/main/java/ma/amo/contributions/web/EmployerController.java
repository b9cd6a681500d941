package ma.amo.contributions.web;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.contributions.Employer;
import ma.amo.contributions.Employers;
import ma.amo.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Employers", description = "Employers affiliated to CNSS for the salaried regime")
@RestController
@RequestMapping("/api/v1/employers")
class EmployerController {

	private final Employers employers;

	EmployerController(Employers employers) {
		this.employers = employers;
	}

	@Operation(summary = "Affiliate an employer; the affiliation number is assigned")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The employer affiliated, with its affiliation number")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "An employer with this ICE is already affiliated")
	@PostMapping
	ResponseEntity<Employer> affiliate(@RequestBody NewEmployer body) {
		Employer employer = employers.affiliate(body.name(), body.ice(), body.region(), body.commune(), body.affiliatedOn());
		return ResponseEntity.created(URI.create("/api/v1/employers/" + employer.affiliationNumber())).body(employer);
	}

	@Operation(summary = "Employers, by name (accent-insensitive, typo-tolerant) or all in name order")
	@GetMapping
	PageOf<Employer> search(@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return employers.search(name, page, size);
	}

	@Operation(summary = "One employer by affiliation number")
	@GetMapping("/{affiliationNumber}")
	Employer employer(@PathVariable String affiliationNumber) {
		return employers.employer(affiliationNumber);
	}

	record NewEmployer(@Size(max = 200) String name, @Size(max = 15) String ice, @Size(max = 100) String region,
			@Size(max = 100) String commune, LocalDate affiliatedOn) {
	}
}
