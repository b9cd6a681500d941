package ma.amo.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.amo.reporting.Indicator;
import ma.amo.reporting.IndicatorFilter;
import ma.amo.reporting.Indicators;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import ma.amo.shared.Viewer.Role;
import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators dashboard of the web: one chart per indicator with its definition, its data table (the chart's
 * accessible text) and its CSV download, filtered by period and payer body. The figures name no person, so showing
 * them records nothing in the audit trail.
 */
@Controller
class IndicatorPages {

	/** Who reads the dashboard: the regulator and administrators all of it, agents and finance their payer body's. */
	static final EnumSet<Role> READERS = EnumSet.of(Role.REGULATOR, Role.PAYER_AGENT, Role.FINANCE, Role.ADMINISTRATOR);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Indicators indicators;
	private final MessageSource messages;
	private final Clock clock;

	IndicatorPages(Indicators indicators, MessageSource messages, Clock clock) {
		this.indicators = indicators;
		this.messages = messages;
		this.clock = clock;
	}

	/** The filter's fields as typed, shown again with the errors when refused. */
	record Form(String du, String au, String organisme) {
	}

	/** One indicator as the page shows it: its table, the chart's data as JSON and the chart's short description. */
	record Shown(Indicators.Table table, String chart, String summary) {
	}

	@GetMapping("/indicateurs")
	String dashboard(@RequestParam(required = false) String du, @RequestParam(required = false) String au,
			@RequestParam(required = false) String organisme, Model model, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		IndicatorFilter filter;
		try {
			filter = IndicatorFilter.of(du, au, organisme, clock);
		}
		catch (InvalidInput invalid) {
			invalid.violations().forEach(v -> errors.put(field(v.field()), message("reporting.error." + v.rule(), locale)));
			filter = IndicatorFilter.of(null, null, null, clock);
		}
		catch (AccessRefused refused) {
			errors.put("organisme", message("reporting.error.scope", locale));
			filter = IndicatorFilter.of(null, null, null, clock);
		}
		List<Shown> shown = new ArrayList<>();
		for (Indicator indicator : Indicator.values()) {
			Indicators.Table table = indicators.table(indicator, filter, locale);
			shown.add(new Shown(table, JSON.writeValueAsString(table),
					messages.getMessage("reporting.chart.summary", new Object[] { table.title(), table.rows().size() },
							locale)));
		}
		model.addAttribute("indicators", shown);
		model.addAttribute("filter", filter);
		model.addAttribute("form", errors.isEmpty() ? new Form(filter.from().toString(), filter.to().toString(),
				filter.payerBody()) : new Form(du, au, organisme));
		model.addAttribute("errors", errors);
		model.addAttribute("scoped", IndicatorFilter.scoped());
		model.addAttribute("ownBody", Viewer.current().map(Viewer::payerBody).orElse(null));
		return "reporting/dashboard";
	}

	/** One indicator as open data: a CSV file named after it and its period. */
	@GetMapping("/indicateurs/{code}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String code, @RequestParam(required = false) String du,
			@RequestParam(required = false) String au, @RequestParam(required = false) String organisme) {
		Indicator indicator = indicators.indicator(code);
		Indicators.Table table = indicators.table(indicator, IndicatorFilter.of(du, au, organisme, clock), Locale.FRENCH);
		String name = indicator.code() + (table.from() == null ? "" : "_" + table.from() + "_" + table.to())
				+ (table.payerBody() == null ? "" : "_" + table.payerBody()) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(indicators.csv(table).getBytes(StandardCharsets.UTF_8));
	}

	private static String field(String field) {
		return switch (field) {
			case "from" -> "du";
			case "to" -> "au";
			default -> "organisme";
		};
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, messages.getMessage("reporting.error.other", null, key, locale), locale);
	}

	/** The dashboard in the menu of those who read it. */
	@Configuration
	static class Menu {

		@Bean
		MenuSection indicatorsMenu() {
			return MenuSection.of(new MenuEntry("menu.indicators", "/indicateurs", READERS, 50));
		}
	}
}
