package ma.amo.enrolment.web;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.Audited;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Eligibility", description = "Whether a person's rights are open on a date, and why")
@RestController
@RequestMapping("/api/v1/eligibility")
class EligibilityController {

	private final Eligibility eligibility;
	private final Clock clock;

	EligibilityController(Eligibility eligibility, Clock clock) {
		this.eligibility = eligibility;
		this.clock = clock;
	}

	@Operation(summary = "Rights of a person on a date (today by default)",
			description = "Give exactly one of idcs, cin or registrationNumber. The answer names the status (OPEN, "
					+ "WAITING, SUSPENDED, CLOSED), the rule that decided and why, the regime, payer body, the member "
					+ "the person is covered through and the end of cover when known.")
	@Audited(record = "PERSON", returned = "idcs", purpose = "ELIGIBILITY_CHECK")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The rights on the date and why")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No person with this identifier")
	@GetMapping
	Rights eligibility(@RequestParam(required = false) String idcs, @RequestParam(required = false) String cin,
			@RequestParam(required = false) String registrationNumber,
			@Parameter(description = "The date of the rights, yyyy-MM-dd (today by default)",
					schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String date) {
		int given = (idcs != null ? 1 : 0) + (cin != null ? 1 : 0) + (registrationNumber != null ? 1 : 0);
		if (given != 1) {
			throw new InvalidInput("idcs", "one-identifier", "give exactly one of idcs, cin or registrationNumber");
		}
		LocalDate on = date == null ? LocalDate.now(clock) : isoDate(date);
		if (idcs != null) {
			return eligibility.of(idcs, on);
		}
		return cin != null ? eligibility.ofCin(cin, on) : eligibility.ofRegistrationNumber(registrationNumber, on);
	}

	/**
	 * The date read here rather than by a {@code @DateTimeFormat} conversion: the same rule and the same refusal as
	 * every date parameter ({@code BoundedParameters}), without the annotation-driven conversion's lookups, which
	 * were a twentieth of the platform's hottest path.
	 */
	private static LocalDate isoDate(String text) {
		LocalDate date = InputBounds.date(text);
		if (date == null) {
			throw new InvalidInput("date", "format", "'" + text + "' " + InputBounds.dateRule());
		}
		return date;
	}
}
