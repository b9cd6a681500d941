package ma.amo.reporting.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.reporting.IndicatorFilter;
import ma.amo.reporting.IndicatorRefresh;
import ma.amo.reporting.Indicators;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators as JSON, in French: the list with each one's definition, and one indicator's table for a period and a
 * payer body. The figures name no person (small counts are hidden), so their reads are not audited.
 */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "The AMO's key figures for the regulator and the payer bodies, with their definitions")
class IndicatorController {

	private static final Locale FRENCH = Locale.FRENCH;

	private final Indicators indicators;
	private final IndicatorRefresh refresh;
	private final Clock clock;

	IndicatorController(Indicators indicators, IndicatorRefresh refresh, Clock clock) {
		this.indicators = indicators;
		this.refresh = refresh;
		this.clock = clock;
	}

	@Operation(summary = "Every indicator, with its French title and definition and when it was last computed")
	@ApiResponse(responseCode = "200", description = "The indicators, in the dashboard's order")
	@GetMapping
	List<Indicators.Summary> list() {
		return indicators.list(FRENCH);
	}

	@Operation(summary = "One indicator for a period of months and a payer body; an agent reads their own body's")
	@ApiResponse(responseCode = "200", description = "The indicator's table, small counts hidden (null)")
	@ApiResponse(responseCode = "400", description = "A month not written yyyy-MM, a period backwards or over 60 months, or an unknown payer body")
	@ApiResponse(responseCode = "403", description = "Another payer body than the agent's own")
	@ApiResponse(responseCode = "404", description = "No indicator of that code")
	@GetMapping("/{code}")
	Indicators.Table indicator(@PathVariable String code,
			@Parameter(description = "First month, yyyy-MM (default: eleven months before the last)") @RequestParam(required = false) String from,
			@Parameter(description = "Last month, yyyy-MM (default: the current month)") @RequestParam(required = false) String to,
			@Parameter(description = "CNSS or CNOPS (default: both)") @RequestParam(required = false) String payerBody) {
		var indicator = indicators.indicator(code);
		return indicators.table(indicator, IndicatorFilter.of(from, to, payerBody, clock), FRENCH);
	}

	@Operation(summary = "Computes every indicator again now, as the platform does every 15 minutes")
	@ApiResponse(responseCode = "200", description = "The day computed and each computation's time in milliseconds")
	@PostMapping("/refresh")
	IndicatorRefresh.Refreshed refresh() {
		return refresh.refresh();
	}
}
