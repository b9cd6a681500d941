package ma.amo.web.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ma.amo.approvals.Approval;
import ma.amo.approvals.ApprovalRequest;
import ma.amo.approvals.ApprovalStatus;
import ma.amo.approvals.CareType;
import ma.amo.approvals.PriorApprovals;
import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An establishment's prior-approval requests (prises en charge): the form (care type, start, stay or sessions, the acts
 * and medicines to estimate, the medical note), filed in the establishment's own name under the form's idempotency
 * key, then the request with its pre-check, estimate, due date and decision; the establishment's requests in every
 * state, paged, and a patient's requests this establishment may read.
 */
@Controller
@RequestMapping("/prestataire/accords")
class ProviderApprovalPages {

	private final PriorApprovals approvals;
	private final AuditTrail trail;
	private final Clock clock;

	ProviderApprovalPages(PriorApprovals approvals, AuditTrail trail, Clock clock) {
		this.approvals = approvals;
		this.trail = trail;
		this.clock = clock;
	}

	/** The request as typed, shown again with its problems. */
	record ApprovalForm(String key, String patientIdcs, String careType, String expectedStart, String stayDays,
			String sessions, String protocol, String medicalNote, String renews, List<CareLines.Typed> lines) {
	}

	/** Requests listed per page: a clinic files a few a day, a hospital many more. */
	static final int PER_PAGE = 20;
	/** Beyond this page the state filter or a patient's IDCS narrows the list instead. */
	static final int LAST_PAGE = 1_000;

	/**
	 * The establishment's requests in every state (or one: {@code etat}), newest first, a page at a time; with
	 * {@code idcs}, a patient's requests this establishment may read.
	 */
	@GetMapping
	String approvals(@RequestParam(required = false) String idcs, @RequestParam(required = false) String etat,
			@RequestParam(required = false) String page, Model model) {
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("log in to read the requests"));
		Map<String, String> errors = new LinkedHashMap<>();
		List<Approval> found = List.of();
		ApprovalStatus status = status(errors, etat);
		int number = Fields.number(errors, "page", "Page", page == null || page.isBlank() ? "1" : page, 1, LAST_PAGE) instanceof Integer n
				? n - 1 : 0;
		PageOf<Approval> listed = PageOf.of(List.of(), 0, PER_PAGE, 0);
		if (idcs != null) {
			String patient = Fields.idcs(errors, "idcs", idcs);
			if (patient != null) {
				found = approvals.ofPatient(patient);
			}
		}
		else if (errors.isEmpty() && viewer.inpe() != null) {
			listed = approvals.ofEstablishment(viewer.inpe(), status, number, PER_PAGE);
			found = listed.content();
		}
		if (!found.isEmpty()) {
			trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "PRIOR_APPROVAL",
					found.stream().map(Approval::reference).toList(), "PRIOR_APPROVAL");
		}
		model.addAttribute("idcs", idcs == null ? "" : idcs);
		model.addAttribute("etat", status == null ? "" : status.name());
		model.addAttribute("statuses", ApprovalStatus.values());
		model.addAttribute("approvals", found);
		model.addAttribute("listed", listed);
		model.addAttribute("searched", idcs != null && errors.isEmpty());
		model.addAttribute("errors", errors);
		return "portal/provider-approvals";
	}

	private static ApprovalStatus status(Map<String, String> errors, String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return ApprovalStatus.valueOf(typed.strip());
		}
		catch (IllegalArgumentException unknown) {
			errors.put("etat", "État : choisir une des valeurs proposées");
			return null;
		}
	}

	@GetMapping("/nouvelle")
	String form(Model model) {
		return show(model, new ApprovalForm(UUID.randomUUID().toString(), "", "", LocalDate.now(clock).toString(), "", "",
				"", "", "", List.of(new CareLines.Typed("ACT", "", "", "", ""))), Map.of());
	}

	@PostMapping
	String request(@RequestParam MultiValueMap<String, String> form, Model model) {
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("log in to ask for an approval"));
		Map<String, String> errors = new LinkedHashMap<>();
		CareLines.Read read = CareLines.read(form);
		errors.putAll(read.errors());
		if (read.empty()) {
			errors.put("lines", "Lignes : au moins un acte ou un médicament à estimer");
		}
		String key = first(form, "key");
		if (key.isBlank() || key.length() > 64) {
			key = UUID.randomUUID().toString();
		}
		ApprovalForm typed = new ApprovalForm(key, first(form, "patientIdcs"), first(form, "careType"),
				first(form, "expectedStart"), first(form, "stayDays"), first(form, "sessions"), first(form, "protocol"),
				first(form, "medicalNote"), first(form, "renews"),
				read.typed().isEmpty() ? List.of(new CareLines.Typed("ACT", "", "", "", "")) : read.typed());
		LocalDate today = LocalDate.now(clock);
		String patient = Fields.idcs(errors, "patientIdcs", typed.patientIdcs());
		CareType careType = careType(errors, typed.careType());
		LocalDate start = Fields.date(errors, "expectedStart", "Début prévu", typed.expectedStart(), today.minusDays(30),
				today.plusYears(1));
		Integer stayDays = Fields.number(errors, "stayDays", "Durée du séjour", typed.stayDays(), 1, 365);
		Integer sessions = Fields.number(errors, "sessions", "Nombre de séances", typed.sessions(), 1, 365);
		String protocol = Fields.text(errors, "protocol", "Protocole", typed.protocol(), 2_000, false);
		String note = Fields.text(errors, "medicalNote", "Note médicale", typed.medicalNote(), 10_000, true);
		String renews = Fields.reference(errors, "renews", "Renouvelle l'accord", typed.renews());
		if (!errors.isEmpty()) {
			return show(model, typed, errors);
		}
		try {
			PriorApprovals.Filed filed = approvals.request(key, new ApprovalRequest(patient, viewer.inpe(), careType, start,
					stayDays, sessions, protocol, read.lines().stream().map(CareLines.Line::forApproval).toList(), note,
					List.of(), renews));
			return "redirect:/prestataire/accords/" + filed.approval().reference();
		}
		catch (InvalidInput invalid) {
			return show(model, typed, FrenchProblems.of(invalid));
		}
		catch (RuleBroken broken) {
			return show(model, typed, FrenchProblems.of(broken));
		}
		catch (NotFound missing) {
			return show(model, typed, FrenchProblems.of(missing));
		}
		catch (AccessRefused refused) {
			return show(model, typed, Map.of("form", "Refusé : un établissement demande les accords en son propre nom"));
		}
	}

	@GetMapping("/{reference}")
	String approval(@PathVariable String reference, Model model) {
		if (!reference.matches("[A-Za-z0-9-]{1,30}")) {
			throw new NotFound("reference", "no prior approval " + reference);
		}
		Approval approval = approvals.approval(reference);
		trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "PRIOR_APPROVAL", approval.reference(), "PRIOR_APPROVAL");
		model.addAttribute("approval", approval);
		return "portal/provider-approval";
	}

	private static CareType careType(Map<String, String> errors, String typed) {
		for (CareType type : CareType.values()) {
			if (type.name().equals(typed)) {
				return type;
			}
		}
		errors.put("careType", "Type de soins : à choisir dans la liste");
		return null;
	}

	private String show(Model model, ApprovalForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("careTypes", CareType.values());
		model.addAttribute("mostLines", CareLines.MOST_LINES);
		return "portal/provider-approval-form";
	}

	private static String first(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}
}
