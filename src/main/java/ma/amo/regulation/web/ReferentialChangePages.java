package ma.amo.regulation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.amo.providers.ProviderStatus;
import ma.amo.regulation.ReferentialChange;
import ma.amo.regulation.ReferentialChanges;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changes to the provider directory under maker-checker: one regulator proposes a convention or a provider's status,
 * another applies or rejects it. The proposer sees their proposal in the list, marked as theirs, without the buttons
 * to decide it (the service refuses them anyway). Payer agents read the list.
 */
@Controller
@RequestMapping("/regulation/changements")
class ReferentialChangePages {

	private static final int PAGE_SIZE = 25;

	private final ReferentialChanges changes;
	private final PageProblems problems;

	ReferentialChangePages(ReferentialChanges changes, PageProblems problems) {
		this.changes = changes;
		this.problems = problems;
	}

	@GetMapping
	String list(@RequestParam(required = false) String statut, @RequestParam(required = false) String page, Model model,
			Locale locale) {
		FormFields filter = new FormFields(new LinkedMultiValueMap<>(Map.of("statut",
				List.of(statut == null ? ReferentialChange.Status.PROPOSED.name() : statut))));
		ReferentialChange.Status status = filter.choice("statut", ReferentialChange.Status.class, false);
		return show(model, status, FormFields.page(page), Map.of("kind", "CONVENTION"), problems.of(filter.problems(), locale));
	}

	@PostMapping
	String propose(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		FormFields fields = new FormFields(form);
		ReferentialChange.Kind kind = fields.choice("kind", ReferentialChange.Kind.class, true);
		boolean convention = kind == ReferentialChange.Kind.CONVENTION;
		String inpe = fields.matching("inpe", "[0-9]{9}", "inpe", true);
		String payerBody = fields.oneOf("payerBody", List.of("CNSS", "CNOPS"), convention);
		LocalDate start = fields.date("startDate", LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31), true);
		LocalDate end = fields.date("endDate", LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31), false);
		ProviderStatus status = fields.choice("status", ProviderStatus.class, kind == ReferentialChange.Kind.PROVIDER_STATUS);
		String reason = fields.text("reason", 1000, false);
		if (!fields.valid()) {
			return show(model, ReferentialChange.Status.PROPOSED, 0, fields.typed(), problems.of(fields.problems(), locale));
		}
		try {
			changes.propose(new ReferentialChanges.Proposal(kind, inpe, payerBody, start, end, status, reason));
			return "redirect:/regulation/changements";
		}
		catch (InvalidInput | RuleBroken | NotFound refused) {
			return show(model, ReferentialChange.Status.PROPOSED, 0, fields.typed(), problems.of(refused, locale));
		}
	}

	@PostMapping("/{id}/approbation")
	String approve(@PathVariable String id, Model model, Locale locale) {
		long changeId = FormFields.pathId(id, "referential change");
		try {
			changes.approve(changeId);
			return "redirect:/regulation/changements";
		}
		catch (InvalidInput | RuleBroken refused) {
			return show(model, ReferentialChange.Status.PROPOSED, 0, Map.of("kind", "CONVENTION"),
					problems.of(refused, locale));
		}
	}

	@PostMapping("/{id}/rejet")
	String reject(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		long changeId = FormFields.pathId(id, "referential change");
		FormFields fields = new FormFields(form);
		String note = fields.text("note", 2000, true);
		Map<String, String> errors;
		if (fields.valid()) {
			try {
				changes.reject(changeId, note);
				return "redirect:/regulation/changements";
			}
			catch (InvalidInput | RuleBroken refused) {
				errors = problems.of(refused, locale);
			}
		}
		else {
			errors = problems.of(fields.problems(), locale, "changes");
		}
		// The note belongs to one change's form: its error is shown beside that change's field.
		Map<String, String> shown = new LinkedHashMap<>();
		errors.forEach((field, text) -> shown.put("note".equals(field) ? "note-" + changeId : field, text));
		return show(model, ReferentialChange.Status.PROPOSED, 0, Map.of("kind", "CONVENTION"), shown);
	}

	private String show(Model model, ReferentialChange.Status status, int page, Map<String, String> typed,
			Map<String, String> errors) {
		PageOf<ReferentialChange> found = changes.changes(status, page, PAGE_SIZE);
		Viewer viewer = Viewer.current().orElseThrow();
		model.addAttribute("statuses", ReferentialChange.Status.values());
		model.addAttribute("status", status);
		model.addAttribute("found", found);
		model.addAttribute("me", viewer.name());
		model.addAttribute("regulator", viewer.role() == Viewer.Role.REGULATOR);
		model.addAttribute("kinds", ReferentialChange.Kind.values());
		model.addAttribute("providerStatuses", ProviderStatus.values());
		model.addAttribute("form", new LinkedHashMap<>(typed));
		model.addAttribute("errors", errors);
		return "regulation/changes";
	}
}
