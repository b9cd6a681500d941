package ma.amo.web.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.claims.ClaimKind;
import ma.amo.claims.ClaimRequest;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Rights;
import ma.amo.providers.Establishment;
import ma.amo.providers.Inpe;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.tariffs.Quotes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A provider's pages for care (role PROVIDER, within its INPE): the rights of a patient on a date with the reason,
 * the entry of an invoice whose lines are priced as they are typed (the same quote the adjudication prices with), its
 * submission under the form's idempotency key (a double submit files once) and adjudication at once, and the status of
 * what it sent, each line explained.
 */
@Controller
@RequestMapping("/prestataire")
class ProviderCarePages {

	private static final int PAGE_SIZE = 20;

	private final Eligibility eligibility;
	private final Quotes quotes;
	private final ClaimAdjudication claims;
	private final ProviderDirectory directory;
	private final ClaimPage claimPage;
	private final AuditTrail trail;
	private final Clock clock;

	ProviderCarePages(Eligibility eligibility, Quotes quotes, ClaimAdjudication claims, ProviderDirectory directory,
			ClaimPage claimPage, AuditTrail trail, Clock clock) {
		this.eligibility = eligibility;
		this.quotes = quotes;
		this.claims = claims;
		this.directory = directory;
		this.claimPage = claimPage;
		this.trail = trail;
		this.clock = clock;
	}

	/** The care form as typed, shown again with its problems. */
	record CareForm(String key, String patientIdcs, String careDate, String executingInpe, String establishmentInpe,
			String priorApproval, boolean referral, List<CareLines.Typed> lines) {
	}

	@GetMapping("/droits")
	String rights(@RequestParam(required = false) String idcs, @RequestParam(required = false) String date, Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("idcs", idcs == null ? "" : idcs);
		model.addAttribute("date", date == null || date.isBlank() ? today.toString() : date);
		Map<String, String> errors = new LinkedHashMap<>();
		if (idcs != null) {
			LocalDate on = Fields.date(errors, "date", "Date", date == null || date.isBlank() ? today.toString() : date,
					today.minusYears(5), today.plusYears(1));
			String patient = Fields.idcs(errors, "idcs", idcs);
			if (errors.isEmpty()) {
				try {
					Rights rights = eligibility.of(patient, on);
					trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "PERSON", patient, "ELIGIBILITY_CHECK");
					model.addAttribute("rights", rights);
				}
				catch (InvalidInput | NotFound e) {
					errors.putAll(e instanceof InvalidInput i ? FrenchProblems.of(i) : FrenchProblems.of((NotFound) e));
				}
			}
		}
		model.addAttribute("errors", rename(errors, "patientIdcs", "idcs"));
		return "portal/provider-rights";
	}

	@GetMapping("/soins")
	String careForm(Model model) {
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("log in to file care"));
		boolean establishment = isEstablishment(viewer);
		CareForm form = new CareForm(UUID.randomUUID().toString(), "", LocalDate.now(clock).toString(),
				establishment ? "" : viewer.inpe(), establishment ? viewer.inpe() : "", "", false,
				List.of(new CareLines.Typed("ACT", "", "", "", "")));
		return care(model, form, Map.of());
	}

	/** The live quote: the lines typed so far, priced for the patient's regime on the date of care. */
	@PostMapping("/soins/devis")
	String quote(@RequestParam MultiValueMap<String, String> form, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		CareLines.Read read = CareLines.read(form);
		errors.putAll(read.errors());
		LocalDate today = LocalDate.now(clock);
		LocalDate careDate = Fields.date(errors, "careDate", "Date des soins", first(form, "careDate"), today.minusYears(2), today);
		String patient = Fields.idcs(errors, "patientIdcs", first(form, "patientIdcs"));
		String establishment = Fields.inpe(errors, "establishmentInpe", "INPE de l'établissement", first(form, "establishmentInpe"), true);
		if (errors.isEmpty() && !read.empty()) {
			try {
				Rights rights = eligibility.of(patient, careDate);
				trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "PERSON", patient, "ELIGIBILITY_CHECK");
				model.addAttribute("rights", rights);
				if (rights.regime() != null) {
					model.addAttribute("quote", quotes.quote(new Quotes.Request(rights.regime(), careDate, establishment,
							null, false, read.lines().stream().map(CareLines.Line::forQuote).toList())));
				}
			}
			catch (InvalidInput | NotFound e) {
				errors.putAll(e instanceof InvalidInput i ? FrenchProblems.of(i) : FrenchProblems.of((NotFound) e));
			}
		}
		// Before the first line, the quote has nothing to say about the other fields: the form is being filled.
		model.addAttribute("errors", read.empty() ? Map.of() : errors);
		model.addAttribute("empty", read.empty());
		return "portal/quote :: quote";
	}

	@PostMapping("/soins")
	String submit(@RequestParam MultiValueMap<String, String> form, Model model) {
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("log in to file care"));
		Map<String, String> errors = new LinkedHashMap<>();
		CareLines.Read read = CareLines.read(form);
		errors.putAll(read.errors());
		if (read.empty()) {
			errors.put("lines", "Lignes : au moins une ligne");
		}
		LocalDate today = LocalDate.now(clock);
		String key = first(form, "key");
		if (key.isBlank() || key.length() > 64) {
			key = UUID.randomUUID().toString();
		}
		CareForm typed = new CareForm(key, first(form, "patientIdcs"), first(form, "careDate"), first(form, "executingInpe"),
				first(form, "establishmentInpe"), first(form, "priorApproval"), "on".equals(first(form, "referral")),
				read.typed().isEmpty() ? List.of(new CareLines.Typed("ACT", "", "", "", "")) : read.typed());
		LocalDate careDate = Fields.date(errors, "careDate", "Date des soins", typed.careDate(), today.minusYears(2), today);
		String patient = Fields.idcs(errors, "patientIdcs", typed.patientIdcs());
		String executing = Fields.inpe(errors, "executingInpe", "INPE de l'exécutant", typed.executingInpe(), true);
		String establishment = Fields.inpe(errors, "establishmentInpe", "INPE de l'établissement", typed.establishmentInpe(), true);
		String approval = Fields.reference(errors, "priorApproval", "Accord préalable", typed.priorApproval());
		if (!errors.isEmpty()) {
			return care(model, typed, errors);
		}
		try {
			// The lines are priced as the quote showed them before anything is filed: a code the tariff does not know
			// is refused here, beside its line, rather than filed and rejected.
			Rights rights = eligibility.of(patient, careDate);
			if (rights.regime() != null) {
				quotes.quote(new Quotes.Request(rights.regime(), careDate, establishment, null, false,
						read.lines().stream().map(CareLines.Line::forQuote).toList()));
			}
		}
		catch (InvalidInput invalid) {
			return care(model, typed, FrenchProblems.of(invalid));
		}
		catch (NotFound missing) {
			return care(model, typed, FrenchProblems.of(missing));
		}
		ClaimRequest request = new ClaimRequest(ClaimKind.PROVIDER_INVOICE, patient, careDate, today, executing, null,
				establishment, null, null, typed.referral(), approval, List.of(),
				read.lines().stream().map(CareLines.Line::forClaim).toList());
		try {
			ClaimAdjudication.Submitted submitted = claims.submit(viewer.name(), key, request);
			long id = submitted.claim().id();
			if (!submitted.repeated()) {
				claims.adjudicate(id);
			}
			return "redirect:/prestataire/dossiers/" + id;
		}
		catch (InvalidInput invalid) {
			return care(model, typed, FrenchProblems.of(invalid));
		}
		catch (RuleBroken broken) {
			return care(model, typed, FrenchProblems.of(broken));
		}
		catch (NotFound missing) {
			return care(model, typed, FrenchProblems.of(missing));
		}
		catch (AccessRefused refused) {
			return care(model, typed, Map.of("form", "Refusé : un prestataire actif dépose ses propres soins, "
					+ "comme exécutant ou comme établissement"));
		}
	}

	@GetMapping("/dossiers")
	String claims(@RequestParam(required = false) Integer page, Model model) {
		PageOf<Claim.Summary> first = claims.search(null, null, null, null, 0, PAGE_SIZE);
		// Oldest first in the service: the newest page is the last one, shown by default and read backwards.
		int last = (int) Math.max(0, first.totalPages() - 1);
		int shown = page == null ? last : Math.clamp(page, 0, last);
		PageOf<Claim.Summary> found = shown == 0 ? first : claims.search(null, null, null, null, shown, PAGE_SIZE);
		trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "CLAIM",
				found.content().stream().map(c -> Long.toString(c.id())).toList(), "CLAIM_PROCESSING");
		model.addAttribute("claims", found.content().reversed());
		model.addAttribute("page", shown);
		model.addAttribute("last", last);
		return "portal/provider-claims";
	}

	@GetMapping("/dossiers/{id}")
	String claim(@PathVariable long id, Model model) {
		return claimPage.show(id, "/prestataire/dossiers", model);
	}

	private String care(Model model, CareForm form, Map<String, String> errors) {
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("log in to file care"));
		Optional<Establishment> establishment = establishmentOf(viewer);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("establishment", establishment.orElse(null));
		// The establishment offers its staff as executants, a professional the places where it practises.
		model.addAttribute("staff", establishment.isPresent() ? directory.staff(viewer.inpe(), today) : List.of());
		model.addAttribute("practices", establishment.isPresent() || viewer.inpe() == null ? List.of()
				: directory.practices(viewer.inpe(), today));
		model.addAttribute("today", today.toString());
		model.addAttribute("mostLines", CareLines.MOST_LINES);
		return "portal/provider-care";
	}

	private boolean isEstablishment(Viewer viewer) {
		return establishmentOf(viewer).isPresent();
	}

	/** The viewer's establishment, when its INPE is one (an account may also be a professional's). */
	private Optional<Establishment> establishmentOf(Viewer viewer) {
		return viewer.inpe() == null || Inpe.problem(viewer.inpe()) != null ? Optional.empty()
				: directory.findEstablishment(viewer.inpe());
	}

	private static String first(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}

	private static Map<String, String> rename(Map<String, String> errors, String from, String to) {
		Map<String, String> renamed = new LinkedHashMap<>();
		errors.forEach((k, v) -> renamed.put(k.equals(from) ? to : k, v));
		return renamed;
	}
}
