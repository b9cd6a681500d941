package ma.amo.complaints.web;

import java.util.List;
import java.util.UUID;

import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.complaints.Category;
import ma.amo.complaints.ComplaintHandling;
import ma.amo.complaints.ComplaintRequest;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The complaint form of the web, in French, for an insured person or a provider logged in: they file in their own
 * name (their IDCS or INPE), then see the complaint with its legal due dates. The form carries its own idempotency key,
 * so a form sent twice (a double click, a reload) files one complaint.
 */
@Controller
@RequestMapping("/reclamations")
class ComplaintPages {

	private final ComplaintHandling complaints;
	private final AuditTrail trail;

	ComplaintPages(ComplaintHandling complaints, AuditTrail trail) {
		this.complaints = complaints;
		this.trail = trail;
	}

	/** What the form sends back. */
	record Form(String key, String category, String subject, String description, String claimReference) {
	}

	@GetMapping("/nouvelle")
	String form(Model model) {
		return show(model, new Form(UUID.randomUUID().toString(), null, "", "", ""), List.of());
	}

	@PostMapping
	String file(@RequestParam String key, @RequestParam(required = false) String category,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String description,
			@RequestParam(required = false) String claimReference, Model model) {
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("log in to file a complaint"));
		boolean insured = viewer.role() == Viewer.Role.MEMBER;
		try {
			long id = complaints.file(key, new ComplaintRequest(insured ? "INSURED" : "PROVIDER",
					insured ? viewer.idcs() : viewer.inpe(), category, subject, description,
					claimReference == null || claimReference.isBlank() ? null : claimReference, null))
				.complaint().id();
			return "redirect:/reclamations/" + id;
		}
		catch (InvalidInput invalid) {
			return show(model, new Form(key, category, subject, description, claimReference),
					invalid.violations().stream().map(ComplaintPages::french).toList());
		}
	}

	@GetMapping("/{id}")
	String complaint(@PathVariable long id, Model model) {
		model.addAttribute("complaint", complaints.complaint(id).forComplainant());
		// A page is not a JSON answer that @Audited sees: the read is recorded here.
		trail.record(Viewer.current().map(Viewer::name).orElse("anonymous"), AuditEntry.Action.READ, "COMPLAINT",
				Long.toString(id), "COMPLAINT_HANDLING");
		return "complaints/complaint";
	}

	/** The problem as the complainant reads it: the field's label and the rule in French. */
	private static String french(ma.amo.shared.Violation violation) {
		String field = switch (violation.field()) {
			case "category" -> "Catégorie";
			case "subject" -> "Objet";
			case "description" -> "Description";
			case "claimReference" -> "Référence du dossier";
			default -> violation.field();
		};
		String rule = switch (violation.rule()) {
			case "required" -> "à renseigner";
			case "max-length" -> "trop long";
			case "insured-only" -> "réservée aux assurés (une demande loi 09-08 porte sur ses propres données)";
			default -> "valeur non acceptée";
		};
		return field + " : " + rule;
	}

	private String show(Model model, Form form, List<String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("categories", Category.values());
		model.addAttribute("errors", errors);
		return "complaints/form";
	}
}
