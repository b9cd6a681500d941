package ma.amo.web.protocols;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import ma.amo.protocols.ProtocolItem;
import ma.amo.protocols.ProtocolVersion;
import ma.amo.protocols.TherapeuticProtocols;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import ma.amo.tariffs.CareLimits;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The therapeutic protocols' pages: the versions by condition, one version with its items, and for the regulator the
 * proposal form and the second regulator's approval or rejection; payer agents and medical reviewers read only. A
 * refused form is shown again with each problem in French next to its field; nothing is stored.
 */
@Controller
@RequestMapping("/protocoles")
class ProtocolPages {

	/** The proposal form's rows of items: empty rows are left out. */
	static final int ROWS = 10;
	private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
	private static final Pattern CONDITION = Pattern.compile("[0-9]{1,2}");
	private static final Pattern COUNT = Pattern.compile("[0-9]{1,3}");
	private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");

	private final TherapeuticProtocols protocols;
	private final CareLimits limits;
	private final MessageSource messages;

	ProtocolPages(TherapeuticProtocols protocols, CareLimits limits, MessageSource messages) {
		this.protocols = protocols;
		this.limits = limits;
		this.messages = messages;
	}

	/** A problem to show: the form's input it belongs to, and the sentence. */
	record Problem(String field, String text) {
	}

	/** One row of items as typed. */
	record Row(String kind, String code, String label, String maxCount, String period) {

		boolean blank() {
			return kind.isEmpty() && code.isEmpty() && label.isEmpty() && maxCount.isEmpty() && period.isEmpty();
		}
	}

	/** The proposal form as typed: every field a string, checked here before the protocols module checks the rules. */
	record Form(String conditionCode, String effectiveFrom, String effectiveUntil, String source, List<Row> rows) {
	}

	@GetMapping
	String versions(@RequestParam(required = false) String condition, Model model, Locale locale) {
		String typed = text(condition);
		Integer code = null;
		List<Problem> problems = List.of();
		if (!typed.isEmpty()) {
			if (CONDITION.matcher(typed).matches()) {
				code = Integer.valueOf(typed);
			}
			else {
				problems = List.of(problem("condition", "known-condition", locale));
			}
		}
		model.addAttribute("versions", protocols.versions(code, null));
		model.addAttribute("conditions", limits.conditions());
		model.addAttribute("condition", code);
		model.addAttribute("problems", problems);
		model.addAttribute("regulator", regulator());
		return "protocols/versions";
	}

	@GetMapping("/nouveau")
	String proposalForm(Model model) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row("", "", "", "", ""));
		}
		return form(new Form("", "", "", "", rows), List.of(), model);
	}

	@PostMapping("/nouveau")
	String propose(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row(param(params, "kind" + i), param(params, "code" + i), param(params, "label" + i),
					param(params, "maxCount" + i), param(params, "period" + i)));
		}
		Form form = new Form(param(params, "conditionCode"), param(params, "effectiveFrom"), param(params, "effectiveUntil"),
				param(params, "source"), rows);
		List<Integer> kept = new ArrayList<>();
		try {
			List<Violation> violations = new ArrayList<>();
			Integer condition = CONDITION.matcher(form.conditionCode()).matches() ? Integer.valueOf(form.conditionCode()) : null;
			if (condition == null) {
				violations.add(new Violation("conditionCode", "required", "a condition of the list"));
			}
			LocalDate from = date("effectiveFrom", form.effectiveFrom(), violations);
			LocalDate until = form.effectiveUntil().isEmpty() ? null : date("effectiveUntil", form.effectiveUntil(), violations);
			List<TherapeuticProtocols.Item> items = new ArrayList<>();
			for (int i = 0; i < ROWS; i++) {
				Row row = rows.get(i);
				if (row.blank()) {
					continue;
				}
				// Named by their place among the rows kept, as the service names them.
				String at = "items[" + items.size() + "].";
				ProtocolItem.Kind kind = choice(ProtocolItem.Kind.class, row.kind(), at + "kind", violations);
				ProtocolItem.Period period = choice(ProtocolItem.Period.class, row.period(), at + "period", violations);
				Integer count = COUNT.matcher(row.maxCount()).matches() ? Integer.valueOf(row.maxCount()) : null;
				if (count == null) {
					violations.add(new Violation(at + "maxCount", "range", "a count between 1 and 999"));
				}
				kept.add(i);
				items.add(new TherapeuticProtocols.Item(kind, bounded(row.code(), 120), bounded(row.label(), 200), count, period));
			}
			if (!violations.isEmpty()) {
				throw new InvalidInput(violations);
			}
			ProtocolVersion version = protocols.propose(new TherapeuticProtocols.Proposal(condition, from, until,
					bounded(form.source(), 500), items));
			return "redirect:/protocoles/" + version.id() + "?propose=ok";
		}
		catch (InvalidInput invalid) {
			return form(form, problems(invalid.violations(), kept, locale), model);
		}
	}

	@GetMapping("/{id}")
	String version(@PathVariable String id, Model model, HttpServletResponse response) {
		return show(id, List.of(), model, response);
	}

	@PostMapping("/{id}/approbation")
	String approve(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
		try {
			protocols.approve(checked(id));
			return "redirect:/protocoles/" + id + "?decide=ok";
		}
		catch (RuleBroken broken) {
			return show(id, List.of(problem(broken.field(), broken.rule(), locale)), model, response);
		}
		catch (NotFound missing) {
			return missing(model, response);
		}
	}

	@PostMapping("/{id}/rejet")
	String reject(@PathVariable String id, @RequestParam(required = false) String note, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			protocols.reject(checked(id), bounded(text(note), 2000));
			return "redirect:/protocoles/" + id + "?decide=ok";
		}
		catch (InvalidInput invalid) {
			return show(id, problems(invalid.violations(), List.of(), locale), model, response);
		}
		catch (RuleBroken broken) {
			return show(id, List.of(problem(broken.field(), broken.rule(), locale)), model, response);
		}
		catch (NotFound missing) {
			return missing(model, response);
		}
	}

	private String show(String id, List<Problem> problems, Model model, HttpServletResponse response) {
		ProtocolVersion version;
		try {
			version = protocols.version(checked(id));
		}
		catch (NotFound missing) {
			return missing(model, response);
		}
		model.addAttribute("version", version);
		model.addAttribute("problems", problems);
		model.addAttribute("regulator", regulator());
		return "protocols/version";
	}

	private String missing(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("problems", List.of());
		return "protocols/missing";
	}

	private String form(Form form, List<Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("conditions", limits.conditions());
		model.addAttribute("kinds", ProtocolItem.Kind.values());
		model.addAttribute("periods", ProtocolItem.Period.values());
		return "protocols/form";
	}

	/** The services' violations in French, an item's field named with its row of the form. */
	private List<Problem> problems(List<Violation> violations, List<Integer> kept, Locale locale) {
		List<Problem> problems = new ArrayList<>();
		for (Violation v : violations) {
			Matcher item = ITEM_FIELD.matcher(v.field());
			if (item.matches()) {
				int index = Integer.parseInt(item.group(1));
				int row = index < kept.size() ? kept.get(index) : index;
				Problem p = problem("item." + item.group(2), v.rule(), locale);
				problems.add(new Problem(item.group(2) + row, messages.getMessage("protocols.field.row", new Object[] { row + 1 },
						locale) + " · " + p.text()));
			}
			else {
				problems.add(problem(v.field(), v.rule(), locale));
			}
		}
		return problems;
	}

	private Problem problem(String field, String rule, Locale locale) {
		String name = messages.getMessage("protocols.field." + field, null, field, locale);
		String text = messages.getMessage("protocols.rule." + rule, null,
				messages.getMessage("protocols.rule.other", null, "valeur non acceptée", locale), locale);
		return new Problem(field, name + " : " + text);
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String typed, String field, List<Violation> violations) {
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(typed)) {
				return value;
			}
		}
		violations.add(new Violation(field, "required", "a choice of the list"));
		return null;
	}

	private static LocalDate date(String field, String typed, List<Violation> violations) {
		LocalDate date = InputBounds.date(typed);
		if (date == null) {
			violations.add(new Violation(field, "required", "a date yyyy-MM-dd between 1900 and 2100"));
		}
		return date;
	}

	private static long checked(String id) {
		if (!ID.matcher(id).matches()) {
			throw new NotFound("id", "no protocol version " + id);
		}
		return Long.parseLong(id);
	}

	private static boolean regulator() {
		return Viewer.current().map(v -> v.role() == Viewer.Role.REGULATOR).orElse(false);
	}

	private static String param(MultiValueMap<String, String> params, String name) {
		return text(params.getFirst(name));
	}

	/** The text, cut one past its bound so that the service still refuses it as too long, never stores it cut. */
	private static String bounded(String text, int max) {
		return text.length() > max + 1 ? text.substring(0, max + 1) : text;
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}
}
