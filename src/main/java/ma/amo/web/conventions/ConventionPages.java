package ma.amo.web.conventions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ma.amo.conventions.Convention;
import ma.amo.conventions.Conventions;
import ma.amo.conventions.ProfessionalBody;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Violation;
import ma.amo.tariffs.TariffVersions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The conventions' pages: the regulator's list, proposal form, sign-off and adherences under /regulateur/conventions,
 * and the same list and convention read-only for payer agents under /agents/conventions. Every form field arrives as
 * typed text, checked here for its form before the conventions module checks the rules; a refusal is shown in French
 * next to the form, nothing stored.
 */
@Controller
class ConventionPages {

	static final String REGULATOR = "/regulateur/conventions";
	static final String AGENTS = "/agents/conventions";
	private static final int PAGE = 20;

	private final Conventions conventions;
	private final TariffVersions tariffs;
	private final MessageSource messages;

	ConventionPages(Conventions conventions, TariffVersions tariffs, MessageSource messages) {
		this.conventions = conventions;
		this.tariffs = tariffs;
		this.messages = messages;
	}

	/** A problem shown next to the form: the field's name and the rule, in the reader's language. */
	record Problem(String field, String text) {
	}

	/** The proposal form as typed. */
	record Form(String number, String title, String payerBody, String professionalBody, String establishmentInpe,
			String tariffVersionId, String startDate, String endDate, String signedOn, String signatories) {

		static Form empty() {
			return new Form("", "", "", "", "", "", "", "", "", "");
		}
	}

	@GetMapping(REGULATOR)
	String regulatorList(@RequestParam(required = false) String payerBody, @RequestParam(required = false) String inpe,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "0") String page, Model model,
			Locale locale) {
		return list(REGULATOR, payerBody, inpe, text, page, model, locale);
	}

	@GetMapping(AGENTS)
	String agentList(@RequestParam(required = false) String payerBody, @RequestParam(required = false) String inpe,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "0") String page, Model model,
			Locale locale) {
		return list(AGENTS, payerBody, inpe, text, page, model, locale);
	}

	private String list(String base, String payerBody, String inpe, String text, String page, Model model, Locale locale) {
		model.addAttribute("base", base);
		model.addAttribute("regulator", REGULATOR.equals(base));
		model.addAttribute("payerBody", clean(payerBody, 10));
		model.addAttribute("inpe", clean(inpe, 20));
		model.addAttribute("text", clean(text, 200));
		int p = page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
		try {
			model.addAttribute("found", conventions.search(payerBody, inpe, text, p, PAGE));
			model.addAttribute("problems", List.of());
		}
		catch (InvalidInput invalid) {
			model.addAttribute("found", PageOf.of(List.of(), 0, PAGE, 0));
			model.addAttribute("problems", problems(invalid.violations(), locale));
		}
		return "conventions/list";
	}

	@GetMapping(REGULATOR + "/nouvelle")
	String proposalForm(Model model) {
		return form(Form.empty(), List.of(), model);
	}

	@PostMapping(REGULATOR)
	String propose(@RequestParam(required = false) String number, @RequestParam(required = false) String title,
			@RequestParam(required = false) String payerBody, @RequestParam(required = false) String professionalBody,
			@RequestParam(required = false) String establishmentInpe, @RequestParam(required = false) String tariffVersionId,
			@RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
			@RequestParam(required = false) String signedOn, @RequestParam(required = false) String signatories,
			Model model, Locale locale) {
		Form form = new Form(clean(number, 40), clean(title, 200), clean(payerBody, 10), clean(professionalBody, 40),
				clean(establishmentInpe, 9), clean(tariffVersionId, 12), clean(startDate, 10), clean(endDate, 10),
				clean(signedOn, 10), clean(signatories, 500));
		List<Violation> typed = new ArrayList<>();
		checkLength(typed, "number", number, 40);
		checkLength(typed, "title", title, 200);
		checkLength(typed, "establishmentInpe", establishmentInpe, 9);
		checkLength(typed, "signatories", signatories, 500);
		ProfessionalBody body = null;
		if (!form.professionalBody().isEmpty()) {
			try {
				body = ProfessionalBody.valueOf(form.professionalBody());
			}
			catch (IllegalArgumentException unknown) {
				typed.add(new Violation("professionalBody", "enum", "a professional body of the list"));
			}
		}
		Long version = null;
		if (!form.tariffVersionId().isEmpty()) {
			if (form.tariffVersionId().matches("\\d{1,12}")) {
				version = Long.parseLong(form.tariffVersionId());
			}
			else {
				typed.add(new Violation("tariffVersionId", "published", "a published version"));
			}
		}
		LocalDate start = date(typed, "startDate", form.startDate());
		LocalDate end = date(typed, "endDate", form.endDate());
		LocalDate signed = date(typed, "signedOn", form.signedOn());
		if (!typed.isEmpty()) {
			return form(form, problems(typed, locale), model);
		}
		try {
			Convention c = conventions.propose(new Conventions.Proposal(form.number(), form.title(),
					form.payerBody().isEmpty() ? null : form.payerBody(), body,
					form.establishmentInpe().isEmpty() ? null : form.establishmentInpe(), version, start, end, signed,
					form.signatories()));
			return "redirect:" + REGULATOR + "/" + c.number() + "?proposee";
		}
		catch (InvalidInput invalid) {
			return form(form, problems(invalid.violations(), locale), model);
		}
		catch (RuleBroken | NotFound refused) {
			return form(form, problems(List.of(violation(refused)), locale), model);
		}
	}

	@GetMapping(REGULATOR + "/{number}")
	String regulatorConvention(@PathVariable String number, Model model) {
		return show(REGULATOR, number, List.of(), model);
	}

	@GetMapping(AGENTS + "/{number}")
	String agentConvention(@PathVariable String number, Model model) {
		return show(AGENTS, number, List.of(), model);
	}

	@PostMapping(REGULATOR + "/{number}/approbation")
	String approve(@PathVariable String number, Model model, Locale locale) {
		try {
			conventions.approve(number);
			return "redirect:" + REGULATOR + "/" + number + "?signee";
		}
		catch (RuleBroken | InvalidInput refused) {
			return show(REGULATOR, number, problems(violations(refused), locale), model);
		}
	}

	@PostMapping(REGULATOR + "/{number}/adherents")
	String adhere(@PathVariable String number, @RequestParam(required = false) String inpe,
			@RequestParam(required = false) String adheredOn, Model model, Locale locale) {
		List<Violation> typed = new ArrayList<>();
		checkLength(typed, "inpe", inpe, 9);
		LocalDate on = date(typed, "adheredOn", clean(adheredOn, 10));
		try {
			if (!typed.isEmpty()) {
				throw new InvalidInput(typed);
			}
			conventions.adhere(number, new Conventions.AdherenceRequest(clean(inpe, 9), on));
			return "redirect:" + REGULATOR + "/" + number + "?adhesion";
		}
		catch (RuleBroken | InvalidInput refused) {
			return show(REGULATOR, number, problems(violations(refused), locale), model);
		}
		catch (NotFound missing) {
			conventions.convention(number);
			return show(REGULATOR, number, problems(List.of(violation(missing)), locale), model);
		}
	}

	@PostMapping(REGULATOR + "/{number}/retraits")
	String withdraw(@PathVariable String number, @RequestParam(required = false) String inpe,
			@RequestParam(required = false) String withdrawnOn, Model model, Locale locale) {
		List<Violation> typed = new ArrayList<>();
		checkLength(typed, "inpe", inpe, 9);
		LocalDate on = date(typed, "withdrawnOn", clean(withdrawnOn, 10));
		try {
			if (!typed.isEmpty()) {
				throw new InvalidInput(typed);
			}
			conventions.withdraw(number, clean(inpe, 9), new Conventions.Withdrawal(on));
			return "redirect:" + REGULATOR + "/" + number + "?retrait";
		}
		catch (RuleBroken | InvalidInput refused) {
			return show(REGULATOR, number, problems(violations(refused), locale), model);
		}
		catch (NotFound missing) {
			conventions.convention(number);
			return show(REGULATOR, number, problems(List.of(violation(missing)), locale), model);
		}
	}

	private String show(String base, String number, List<Problem> problems, Model model) {
		Convention c = conventions.convention(number);
		model.addAttribute("base", base);
		model.addAttribute("regulator", REGULATOR.equals(base));
		model.addAttribute("convention", c);
		model.addAttribute("adherents", conventions.adherents(c.number()));
		model.addAttribute("tariff", c.tariffVersionId() == null ? null : tariffs.version(c.tariffVersionId()));
		model.addAttribute("problems", problems);
		return "conventions/convention";
	}

	private String form(Form form, List<Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("bodies", ProfessionalBody.values());
		model.addAttribute("versions", tariffs.versions().stream().filter(v -> "PUBLISHED".equals(v.status())).toList());
		return "conventions/form";
	}

	private List<Problem> problems(List<Violation> violations, Locale locale) {
		return violations.stream().map(v -> new Problem(v.field(),
				messages.getMessage("conventions.field." + v.field(), null, v.field(), locale) + " : "
						+ messages.getMessage("conventions.rule." + v.rule(), null,
								messages.getMessage("conventions.rule.other", null, "valeur non acceptée", locale), locale)))
			.toList();
	}

	private static List<Violation> violations(RuntimeException refused) {
		return refused instanceof InvalidInput invalid ? invalid.violations() : List.of(violation(refused));
	}

	private static Violation violation(RuntimeException refused) {
		if (refused instanceof RuleBroken broken) {
			return new Violation(broken.field(), broken.rule(), broken.getMessage());
		}
		return new Violation(refused instanceof NotFound found ? found.field() : "number", "not-found", refused.getMessage());
	}

	private static void checkLength(List<Violation> violations, String field, String typed, int max) {
		if (typed != null && typed.strip().length() > max) {
			violations.add(new Violation(field, "text", "at most " + max + " characters"));
		}
	}

	private static LocalDate date(List<Violation> violations, String field, String typed) {
		if (typed == null || typed.isEmpty()) {
			return null;
		}
		LocalDate date = InputBounds.date(typed);
		if (date == null) {
			violations.add(new Violation(field, "date", "a date yyyy-MM-dd"));
		}
		return date;
	}

	/** The typed text, stripped and cut to what the page shows back. */
	private static String clean(String typed, int max) {
		if (typed == null) {
			return "";
		}
		String stripped = typed.strip();
		return stripped.length() > max ? stripped.substring(0, max) : stripped;
	}
}
