package ma.amo.regulation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.AuditTrail;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.regulation.InpeRequest;
import ma.amo.regulation.InpeRequests;
import ma.amo.regulation.NewInpeRequest;
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
 * The regulator's desk for INPE requests: the queue by status, the form that files a request from the applicant's
 * papers (the follow-up code shown once, to hand over), and a request's page with its steps and the actions its
 * status allows: ask for more, record the answer brought to the desk, propose the approval, approve it (another
 * regulator), refuse with a reason. Payer agents read the queue and the requests. Every read and change of a request
 * (a professional's identity) is recorded in the audit trail, as the REST API does.
 */
@Controller
@RequestMapping("/regulation/demandes-inpe")
class InpeRequestPages {

	private static final String RECORD = "INPE_REQUEST";
	private static final String PURPOSE = "PROVIDER_REGISTRATION";
	private static final int PAGE_SIZE = 25;

	private final InpeRequests requests;
	private final AuditTrail trail;
	private final PageProblems problems;

	InpeRequestPages(InpeRequests requests, AuditTrail trail, PageProblems problems) {
		this.requests = requests;
		this.trail = trail;
		this.problems = problems;
	}

	@GetMapping
	String queue(@RequestParam(required = false) String statut, @RequestParam(required = false) String page, Model model,
			Locale locale) {
		FormFields filter = new FormFields(new LinkedMultiValueMap<>(Map.of("statut", List.of(statut == null ? "" : statut))));
		InpeRequest.Status status = filter.choice("statut", InpeRequest.Status.class, false);
		PageOf<InpeRequest> found = requests.requests(status, FormFields.page(page), PAGE_SIZE);
		trail.record(Viewer.actingAccount(), Action.READ, RECORD, found.content().stream().map(InpeRequest::reference).toList(),
				PURPOSE);
		model.addAttribute("statuses", InpeRequest.Status.values());
		model.addAttribute("status", status);
		model.addAttribute("found", found);
		model.addAttribute("errors", problems.of(filter.problems(), locale));
		return "regulation/inpe-queue";
	}

	@GetMapping("/nouvelle")
	String form(Model model) {
		return form(model, Map.of("kind", "PROFESSIONAL"), Map.of());
	}

	@PostMapping
	String file(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		FormFields fields = new FormFields(form);
		InpeRequest.Kind kind = fields.choice("kind", InpeRequest.Kind.class, true);
		boolean professional = kind == InpeRequest.Kind.PROFESSIONAL;
		boolean establishment = kind == InpeRequest.Kind.ESTABLISHMENT;
		// Only the fields of the chosen kind are required; those of the other kind are still bounded.
		NewInpeRequest request = new NewInpeRequest(kind, fields.text("lastName", 100, professional),
				fields.text("firstName", 100, professional), fields.choice("profession", Profession.class, professional),
				fields.text("specialty", 100, false), fields.text("diplomaReference", 100, professional),
				fields.matching("orderNumber", "[A-Za-z0-9][A-Za-z0-9/ .-]{0,29}", "order-number", professional),
				fields.text("name", 200, establishment), fields.oneOf("category", ProviderDirectory.CATEGORIES, establishment),
				fields.choice("sector", Sector.class, establishment),
				fields.matching("authorisationReference", "[A-Za-z0-9][A-Za-z0-9/ .-]{0,99}", "authorisation", establishment),
				fields.text("address", 300, establishment), fields.oneOf("region", ProviderDirectory.REGIONS, true),
				fields.text("province", 100, true), fields.text("commune", 100, true));
		if (!fields.valid()) {
			return form(model, fields.typed(), problems.of(fields.problems(), locale));
		}
		try {
			InpeRequests.Filed filed = requests.file(request);
			trail.record(Viewer.actingAccount(), Action.CHANGE, RECORD, filed.request().reference(), PURPOSE);
			model.addAttribute("reference", filed.request().reference());
			model.addAttribute("code", filed.followUpCode());
			model.addAttribute("link", "/regulation/demandes-inpe/" + filed.request().id());
			return "regulation/filed";
		}
		catch (InvalidInput | RuleBroken | NotFound refused) {
			return form(model, fields.typed(), problems.of(refused, locale));
		}
	}

	@GetMapping("/{id}")
	String request(@PathVariable String id, Model model) {
		InpeRequest request = requests.request(FormFields.pathId(id, "INPE request"));
		trail.record(Viewer.actingAccount(), Action.READ, RECORD, request.reference(), PURPOSE);
		return page(model, request, Map.of(), Map.of());
	}

	@PostMapping("/{id}/complement")
	String askForMore(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		FormFields fields = new FormFields(form);
		String message = fields.text("message", 2000, true);
		return act(id, fields, model, locale, () -> requests.requestInformation(FormFields.pathId(id, "INPE request"), message));
	}

	@PostMapping("/{id}/reponse")
	String answer(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		FormFields fields = new FormFields(form);
		String answer = fields.text("answer", 2000, true);
		return act(id, fields, model, locale, () -> {
			try {
				return requests.answer(FormFields.pathId(id, "INPE request"), answer);
			}
			catch (InvalidInput invalid) {
				// The service names the text "message" for both; on this page the answer has its own field.
				throw new InvalidInput("answer", invalid.violations().getFirst().rule(), invalid.getMessage());
			}
		});
	}

	@PostMapping("/{id}/proposition")
	String propose(@PathVariable String id, Model model, Locale locale) {
		return act(id, new FormFields(new LinkedMultiValueMap<>()), model, locale,
				() -> requests.proposeApproval(FormFields.pathId(id, "INPE request")));
	}

	@PostMapping("/{id}/approbation")
	String approve(@PathVariable String id, Model model, Locale locale) {
		return act(id, new FormFields(new LinkedMultiValueMap<>()), model, locale,
				() -> requests.approve(FormFields.pathId(id, "INPE request")));
	}

	@PostMapping("/{id}/refus")
	String refuse(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		FormFields fields = new FormFields(form);
		String reason = fields.text("reason", 2000, true);
		return act(id, fields, model, locale, () -> requests.refuse(FormFields.pathId(id, "INPE request"), reason));
	}

	/** One action on a request: done, back to its page; refused, its page again with the problem beside the field. */
	private String act(String id, FormFields fields, Model model, Locale locale, Supplier<InpeRequest> action) {
		long requestId = FormFields.pathId(id, "INPE request");
		if (fields.valid()) {
			try {
				InpeRequest done = action.get();
				trail.record(Viewer.actingAccount(), Action.CHANGE, RECORD, done.reference(), PURPOSE);
				return "redirect:/regulation/demandes-inpe/" + requestId;
			}
			catch (InvalidInput | RuleBroken refused) {
				return page(model, requests.request(requestId), fields.typed(), problems.of(refused, locale));
			}
		}
		return page(model, requests.request(requestId), fields.typed(), problems.of(fields.problems(), locale));
	}

	private String page(Model model, InpeRequest request, Map<String, String> typed, Map<String, String> errors) {
		Viewer viewer = Viewer.current().orElseThrow();
		model.addAttribute("request", request);
		model.addAttribute("regulator", viewer.role() == Viewer.Role.REGULATOR);
		model.addAttribute("proposer", viewer.name().equals(request.approvalProposedBy()));
		model.addAttribute("form", new LinkedHashMap<>(typed));
		model.addAttribute("errors", errors);
		return "regulation/inpe-request";
	}

	private String form(Model model, Map<String, String> typed, Map<String, String> errors) {
		model.addAttribute("form", new LinkedHashMap<>(typed));
		model.addAttribute("errors", errors);
		model.addAttribute("professions", Profession.values());
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("categories", ProviderDirectory.CATEGORIES);
		model.addAttribute("regions", ProviderDirectory.REGIONS);
		return "regulation/inpe-form";
	}
}
