package ma.amo.regulation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ma.amo.regulation.InpeRequests;
import ma.amo.regulation.ListingRequests;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.tariffs.MedicinesGuide;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regulator's services open to anyone, as {@code /api/v1/public/**} is: the medicines guide (search by name,
 * DCI, form and class, with the reimbursement base of each payer body and the generic group, by pages) and the
 * follow-up of a request with its reference and the code handed at filing. The code travels in a posted form, not in
 * the address, so that it stays out of the browser's history and the servers' logs. Filing is the regulator's desk's
 * (an applicant has no account), so there is no public filing form; an applicant asked for more brings the answer to
 * the desk, which records it.
 */
@Controller
@RequestMapping("/public")
class PublicServicePages {

	private static final int PAGE_SIZE = 20;

	private final MedicinesGuide guide;
	private final InpeRequests inpeRequests;
	private final ListingRequests listingRequests;
	private final PageProblems problems;

	PublicServicePages(MedicinesGuide guide, InpeRequests inpeRequests, ListingRequests listingRequests,
			PageProblems problems) {
		this.guide = guide;
		this.inpeRequests = inpeRequests;
		this.listingRequests = listingRequests;
		this.problems = problems;
	}

	@GetMapping("/medicaments")
	String guide(@RequestParam MultiValueMap<String, String> query, Model model, Locale locale) {
		FormFields fields = new FormFields(query);
		String name = fields.text("name", 100, false);
		String dci = fields.text("dci", 100, false);
		String form = fields.text("form", 100, false);
		String therapeuticClass = fields.text("therapeuticClass", 100, false);
		// The guide as in force on a date (today without one), as the REST API answers it.
		LocalDate date = fields.date("date", LocalDate.of(2005, 1, 1), LocalDate.of(2100, 12, 31), false);
		int page = FormFields.page(query.getFirst("page"));
		boolean searched = name != null || dci != null || form != null || therapeuticClass != null;
		Map<String, String> errors = problems.of(fields.problems(), locale, "guide");
		PageOf<MedicinesGuide.Entry> found = null;
		if (fields.valid() && searched) {
			try {
				found = guide.search(name, dci, form, therapeuticClass, date, page, PAGE_SIZE);
			}
			catch (InvalidInput refused) {
				errors = problems.of(refused, locale);
			}
			catch (NotFound noReferential) {
				errors = problems.of(Map.of("date", "no-referential"), locale, "guide");
			}
		}
		Map<String, String> typed = fields.typed();
		model.addAttribute("form", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("found", found);
		model.addAttribute("query", "name=" + encode(typed.get("name")) + "&dci=" + encode(typed.get("dci")) + "&form="
				+ encode(typed.get("form")) + "&therapeuticClass=" + encode(typed.get("therapeuticClass")) + "&date="
				+ encode(typed.get("date")));
		return "regulation/guide";
	}

	@GetMapping("/suivi")
	String followUpForm(Model model) {
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "regulation/follow-up";
	}

	/** A request found by its reference (DI- for an INPE, DL- for a listing) and its code; nothing else is said. */
	@PostMapping("/suivi")
	String followUp(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		FormFields fields = new FormFields(form);
		String reference = fields.matching("reference", "D[IiLl]-\\d{4}-\\d{6}", "reference", true);
		String code = fields.matching("code", "[A-Za-z0-9 ]{1,24}", "follow-up-code", true);
		Map<String, String> errors = problems.of(fields.problems(), locale);
		if (fields.valid()) {
			String upper = reference.toUpperCase(Locale.ROOT);
			String cleanCode = code.replace(" ", "");
			try {
				if (upper.startsWith("DI-")) {
					model.addAttribute("inpe", inpeRequests.followUp(upper, cleanCode));
				}
				else {
					model.addAttribute("listing", listingRequests.followUp(upper, cleanCode));
				}
			}
			catch (NotFound unknown) {
				errors = new LinkedHashMap<>(problems.of(Map.of("reference", "no-request"), locale));
			}
		}
		Map<String, String> typed = new LinkedHashMap<>(fields.typed());
		// The code is not written back into the page: it would stay in the browser's cache of the answer.
		typed.remove("code");
		model.addAttribute("form", typed);
		model.addAttribute("errors", errors);
		return "regulation/follow-up";
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
	}
}
