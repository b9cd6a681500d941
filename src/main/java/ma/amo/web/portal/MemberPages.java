package ma.amo.web.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.complaints.ComplainantView;
import ma.amo.complaints.Complainant;
import ma.amo.complaints.ComplaintHandling;
import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Rights;
import ma.amo.payments.StatementPdf;
import ma.amo.payments.Statements;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An insured person's pages (role MEMBER, their family only): their rights today with the reason and those of their
 * dependants, their family's claims with each line explained, their décompte de remboursement (and its PDF), and their
 * complaints. Each read goes through the module that limits it to the family, and is recorded in the audit trail.
 */
@Controller
@RequestMapping("/assure")
class MemberPages {

	private static final int PAGE_SIZE = 20;

	private final Eligibility eligibility;
	private final MemberEnrolment enrolment;
	private final PopulationRegister register;
	private final ClaimAdjudication claims;
	private final ClaimPage claimPage;
	private final Statements statements;
	private final StatementPdf pdf;
	private final ComplaintHandling complaints;
	private final AuditTrail trail;
	private final Clock clock;

	MemberPages(Eligibility eligibility, MemberEnrolment enrolment, PopulationRegister register,
			ClaimAdjudication claims, ClaimPage claimPage, Statements statements, StatementPdf pdf,
			ComplaintHandling complaints, AuditTrail trail, Clock clock) {
		this.eligibility = eligibility;
		this.enrolment = enrolment;
		this.register = register;
		this.claims = claims;
		this.claimPage = claimPage;
		this.statements = statements;
		this.pdf = pdf;
		this.complaints = complaints;
		this.trail = trail;
		this.clock = clock;
	}

	/** A person of the family: who, how linked, and their rights today (none shown for a link that ended). */
	record Relative(String idcs, String name, String relation, LocalDate from, LocalDate until, Rights rights) {
	}

	@GetMapping("/droits")
	String rights(Model model) {
		Viewer viewer = member();
		LocalDate today = LocalDate.now(clock);
		Rights own = eligibility.of(viewer.idcs(), today);
		List<String> read = new ArrayList<>(List.of(viewer.idcs()));
		List<Relative> family = new ArrayList<>();
		for (Member membership : enrolment.memberships(viewer.idcs())) {
			for (Dependant dependant : enrolment.dependantsOf(membership)) {
				Rights rights = null;
				if (dependant.activeOn(today)) {
					try {
						rights = eligibility.of(dependant.idcs(), today);
					}
					catch (AccessRefused | NotFound e) {
						// Covered today through another member: their rights are not this member's to read.
						rights = null;
					}
				}
				read.add(dependant.idcs());
				family.add(new Relative(dependant.idcs(), name(dependant.idcs()), dependant.relation().name(),
						dependant.startDate(), dependant.endDate(), rights));
			}
		}
		trail.record(viewer.name(), AuditEntry.Action.READ, "PERSON", read, "ELIGIBILITY_CHECK");
		model.addAttribute("name", name(viewer.idcs()));
		model.addAttribute("rights", own);
		model.addAttribute("family", family);
		return "portal/member-rights";
	}

	@GetMapping("/dossiers")
	String claims(@RequestParam(required = false) Integer page, Model model) {
		member();
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
		return "portal/member-claims";
	}

	@GetMapping("/dossiers/{id}")
	String claim(@PathVariable long id, Model model) {
		return claimPage.show(id, "/assure/dossiers", model);
	}

	@GetMapping("/paiements")
	String payments(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		Viewer viewer = member();
		Map<String, String> errors = new LinkedHashMap<>();
		Period period = period(errors, from, to);
		model.addAttribute("from", period.from().toString());
		model.addAttribute("to", period.to().toString());
		model.addAttribute("errors", errors);
		if (errors.isEmpty()) {
			try {
				Statements.MemberStatement statement = statements.ofMember(viewer.idcs(), period.from(), period.to());
				trail.record(viewer.name(), AuditEntry.Action.READ, "PERSON", viewer.idcs(), "STATEMENT");
				model.addAttribute("statement", statement);
			}
			catch (NotFound notMember) {
				// A dependant has no statement of their own: the member who covers them receives it.
				model.addAttribute("dependant", true);
			}
			catch (InvalidInput | RuleBroken e) {
				errors.putAll(e instanceof InvalidInput i ? FrenchProblems.of(i) : FrenchProblems.of((RuleBroken) e));
			}
		}
		return "portal/member-payments";
	}

	@GetMapping("/paiements/decompte.pdf")
	ResponseEntity<byte[]> statement(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		Viewer viewer = member();
		Map<String, String> errors = new LinkedHashMap<>();
		Period period = period(errors, from, to);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors.keySet().iterator().next(), "date", errors.values().iterator().next());
		}
		Statements.MemberStatement statement = statements.ofMember(viewer.idcs(), period.from(), period.to());
		trail.record(viewer.name(), AuditEntry.Action.READ, "PERSON", viewer.idcs(), "STATEMENT");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"decompte-" + period.from() + "-" + period.to() + ".pdf\"")
			.body(pdf.member(statement));
	}

	@GetMapping("/reclamations")
	String complaints(Model model) {
		Viewer viewer = member();
		List<ComplainantView> mine = complaints.ofComplainant(new Complainant(Complainant.Kind.INSURED, viewer.idcs()));
		trail.record(viewer.name(), AuditEntry.Action.READ, "COMPLAINT",
				mine.stream().map(c -> Long.toString(c.id())).toList(), "COMPLAINT_HANDLING");
		model.addAttribute("complaints", mine.reversed());
		return "portal/member-complaints";
	}

	/** A statement's period: the last 90 days by default, a year at most, from 2000 to today. */
	private record Period(LocalDate from, LocalDate to) {
	}

	private Period period(Map<String, String> errors, String from, String to) {
		LocalDate today = LocalDate.now(clock);
		LocalDate end = to == null || to.isBlank() ? today
				: Fields.date(errors, "to", "Au", to, LocalDate.of(2000, 1, 1), today);
		LocalDate start = from == null || from.isBlank() ? (end == null ? today : end).minusDays(90)
				: Fields.date(errors, "from", "Du", from, LocalDate.of(2000, 1, 1), today);
		if (start != null && end != null && start.isAfter(end)) {
			errors.put("from", "Du : doit précéder la date de fin");
		}
		if (start != null && end != null && start.plusDays(365).isBefore(end)) {
			errors.put("to", "Au : une période d'un an au plus");
		}
		return new Period(start == null ? today.minusDays(90) : start, end == null ? today : end);
	}

	private String name(String idcs) {
		return register.person(idcs).map(MemberPages::fullName).orElse(idcs);
	}

	private static String fullName(Person person) {
		return person.firstName() + " " + person.lastName();
	}

	private static Viewer member() {
		Viewer viewer = Viewer.current().orElseThrow(() -> new AccessRefused("log in as an insured person"));
		Viewer.require(viewer.role() == Viewer.Role.MEMBER && viewer.idcs() != null, "an insured person's own pages");
		return viewer;
	}
}
