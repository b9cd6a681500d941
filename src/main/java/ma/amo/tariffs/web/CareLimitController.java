package ma.amo.tariffs.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import ma.amo.shared.NotFound;
import ma.amo.tariffs.CareLimits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Long-term conditions and ceilings", description = "ALD list, ceilings and frequencies of flat-rate care")
@RestController
@RequestMapping("/api/v1/tariffs")
class CareLimitController {

	private final CareLimits limits;
	private final Clock clock;

	CareLimitController(CareLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	@Operation(summary = "The long-term conditions (ALD)")
	@GetMapping("/long-term-conditions")
	List<CareLimits.LongTermCondition> conditions() {
		return limits.conditions();
	}

	@Operation(summary = "One long-term condition")
	@GetMapping("/long-term-conditions/{code}")
	CareLimits.LongTermCondition condition(@PathVariable int code) {
		return limits.condition(code).orElseThrow(() -> new NotFound("code", "no long-term condition " + code));
	}

	@Operation(summary = "Add or correct a long-term condition (the items the public source does not show)")
	@PutMapping("/long-term-conditions/{code}")
	CareLimits.LongTermCondition define(@PathVariable int code, @RequestBody Condition body) {
		return limits.define(code, body.label(), Boolean.TRUE.equals(body.lifelongExemption()),
				body.exemptionYears() == null ? 5 : body.exemptionYears(), body.source());
	}

	@Operation(summary = "Ceilings and frequencies in force on a date (today by default)")
	@GetMapping("/ceilings")
	List<CareLimits.Ceiling> ceilings(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return limits.ceilings(date == null ? LocalDate.now(clock) : date);
	}

	record Condition(@Size(max = 300) String label, Boolean lifelongExemption, @Min(1) @Max(99) Integer exemptionYears,
			@Size(max = 500) String source) {
	}
}
