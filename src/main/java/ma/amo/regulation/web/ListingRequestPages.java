package ma.amo.regulation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.amo.regulation.ListingRequest;
import ma.amo.regulation.ListingRequests;
import ma.amo.regulation.NewListingRequest;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.tariffs.MedicineReferential;
import ma.amo.tariffs.MedicineReferentials;
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
 * The regulator's desk for laboratories' listing requests: the queue by step, the form that files a request from the
 * laboratory's file (the follow-up code shown once), and a request's page with the Transparency Committee's next
 * step (complete, examined at a session, opinion, decision) and, once listed, the published medicines version that
 * closes it. Payer agents read. A listing request names a laboratory and a product, no person: nothing is audited.
 */
@Controller
@RequestMapping("/regulation/inscriptions")
class ListingRequestPages {

	private static final int PAGE_SIZE = 25;

	private final ListingRequests requests;
	private final MedicineReferentials referentials;
	private final PageProblems problems;
	private final Clock clock;

	ListingRequestPages(ListingRequests requests, MedicineReferentials referentials, PageProblems problems, Clock clock) {
		this.requests = requests;
		this.referentials = referentials;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping
	String queue(@RequestParam(required = false) String statut, @RequestParam(required = false) String page, Model model,
			Locale locale) {
		FormFields filter = new FormFields(new LinkedMultiValueMap<>(Map.of("statut", List.of(statut == null ? "" : statut))));
		ListingRequest.Status status = filter.choice("statut", ListingRequest.Status.class, false);
		PageOf<ListingRequest> found = requests.requests(status, FormFields.page(page), PAGE_SIZE);
		model.addAttribute("statuses", ListingRequest.Status.values());
		model.addAttribute("status", status);
		model.addAttribute("found", found);
		model.addAttribute("errors", problems.of(filter.problems(), locale));
		return "regulation/listing-queue";
	}

	@GetMapping("/nouvelle")
	String form(Model model) {
		return form(model, Map.of("brandOrGeneric", "P"), Map.of());
	}

	@PostMapping
	String file(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		FormFields fields = new FormFields(form);
		NewListingRequest request = new NewListingRequest(fields.text("laboratory", 200, true),
				fields.matching("code", "[0-9]{13}", "ean13", true), fields.text("productName", 200, true),
				fields.text("dci", 200, true), fields.text("dosage", 100, true), fields.text("form", 100, true),
				fields.text("presentation", 200, true), fields.text("therapeuticClass", 200, false),
				fields.matching("brandOrGeneric", "[PG]", "enum", true), fields.amount("proposedPpv", true),
				fields.amount("proposedPh", false), fields.text("fileReference", 100, true));
		if (!fields.valid()) {
			return form(model, fields.typed(), problems.of(fields.problems(), locale));
		}
		try {
			ListingRequests.Filed filed = requests.file(request);
			model.addAttribute("reference", filed.request().reference());
			model.addAttribute("code", filed.followUpCode());
			model.addAttribute("link", "/regulation/inscriptions/" + filed.request().id());
			return "regulation/filed";
		}
		catch (InvalidInput | RuleBroken | NotFound refused) {
			return form(model, fields.typed(), problems.of(refused, locale));
		}
	}

	@GetMapping("/{id}")
	String request(@PathVariable String id, Model model) {
		return page(model, requests.request(FormFields.pathId(id, "listing request")), Map.of(), Map.of());
	}

	/** The Committee's next step, dated; an opinion or a decision at those steps. */
	@PostMapping("/{id}/etape")
	String step(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		long requestId = FormFields.pathId(id, "listing request");
		FormFields fields = new FormFields(form);
		LocalDate today = LocalDate.now(clock);
		ListingRequest.Status step = fields.choice("step", ListingRequest.Status.class, true);
		LocalDate date = fields.date("date", today.minusYears(5), today, true);
		ListingRequest.Opinion opinion = fields.choice("opinion", ListingRequest.Opinion.class,
				step == ListingRequest.Status.OPINION);
		ListingRequest.Decision decision = fields.choice("decision", ListingRequest.Decision.class,
				step == ListingRequest.Status.DECISION);
		String note = fields.text("note", 2000, false);
		if (!fields.valid()) {
			return page(model, requests.request(requestId), fields.typed(), problems.of(fields.problems(), locale));
		}
		try {
			requests.take(requestId, new ListingRequests.StepTaken(step, date, opinion, decision, note));
			return "redirect:/regulation/inscriptions/" + requestId;
		}
		catch (InvalidInput | RuleBroken refused) {
			return page(model, requests.request(requestId), fields.typed(), problems.of(refused, locale));
		}
	}

	/** Closes a request decided LISTED with the published version of the medicines referential that lists it. */
	@PostMapping("/{id}/publication")
	String publish(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		long requestId = FormFields.pathId(id, "listing request");
		FormFields fields = new FormFields(form);
		Long version = fields.id("versionId", true);
		if (!fields.valid()) {
			return page(model, requests.request(requestId), fields.typed(), problems.of(fields.problems(), locale));
		}
		try {
			requests.published(requestId, version);
			return "redirect:/regulation/inscriptions/" + requestId;
		}
		catch (InvalidInput | RuleBroken | NotFound refused) {
			return page(model, requests.request(requestId), fields.typed(), problems.of(refused, locale));
		}
	}

	private String page(Model model, ListingRequest request, Map<String, String> typed, Map<String, String> errors) {
		model.addAttribute("request", request);
		model.addAttribute("regulator", Viewer.current().map(v -> v.role() == Viewer.Role.REGULATOR).orElse(false));
		model.addAttribute("next", next(request));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("versions", referentials.referentials().stream()
			.filter(v -> v.status() == MedicineReferential.Status.PUBLISHED)
			.sorted(Comparator.comparing(MedicineReferential::effectiveFrom).reversed()).toList());
		model.addAttribute("form", new LinkedHashMap<>(typed));
		model.addAttribute("errors", errors);
		return "regulation/listing-request";
	}

	/** The step the Committee takes next, or null when the request is closed (published, or refused at decision). */
	static ListingRequest.Status next(ListingRequest request) {
		if (request.status() == ListingRequest.Status.PUBLISHED || request.status() == ListingRequest.Status.DECISION
				&& request.decision() == ListingRequest.Decision.REFUSED) {
			return null;
		}
		return ListingRequest.Status.values()[request.status().ordinal() + 1];
	}

	private String form(Model model, Map<String, String> typed, Map<String, String> errors) {
		model.addAttribute("form", new LinkedHashMap<>(typed));
		model.addAttribute("errors", errors);
		return "regulation/listing-form";
	}
}
