package ma.amo.parameters.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.parameters.Parameters;
import ma.amo.parameters.Parameters.Definition;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Parameters", description = "Effective-dated thresholds, delays and amounts read by the rules")
@RestController
@RequestMapping("/api/v1/parameters")
class ParameterController {

	private final Parameters parameters;

	ParameterController(Parameters parameters) {
		this.parameters = parameters;
	}

	@Operation(summary = "All parameters with their values by effective date")
	@GetMapping
	List<ParameterView> all() {
		return parameters.all().stream().map(ParameterView::of).toList();
	}

	@Operation(summary = "One parameter; with a date, the value in force on that date")
	@GetMapping("/{name}")
	ParameterView one(@PathVariable String name,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		ParameterView view = ParameterView.of(parameters.definition(name));
		return date == null ? view : view.at(date, parameters.text(name, date));
	}

	@Operation(summary = "Record a value applying from a date (replaces a value already recorded for that date)")
	@PostMapping("/{name}")
	ParameterView define(@PathVariable String name, @RequestBody NewValue body) {
		return ParameterView.of(parameters.define(name, body.effectiveFrom(), body.value()));
	}

	record NewValue(LocalDate effectiveFrom, @Size(max = 200) String value) {
	}

	record ParameterView(String name, String kind, String description, String source, Map<LocalDate, String> values,
			LocalDate date, String valueOnDate) {

		static ParameterView of(Definition d) {
			return new ParameterView(d.name(), d.kind().name(), d.description(), d.source(), d.values(), null, null);
		}

		ParameterView at(LocalDate date, String value) {
			return new ParameterView(name, kind, description, source, values, date, value);
		}
	}
}
