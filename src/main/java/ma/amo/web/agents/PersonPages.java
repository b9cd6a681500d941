package ma.amo.web.agents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ma.amo.approvals.Approval;
import ma.amo.approvals.PriorApprovals;
import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.claims.Claim;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.complaints.Complainant;
import ma.amo.complaints.ComplainantView;
import ma.amo.complaints.ComplaintHandling;
import ma.amo.contributions.ContributionCalls;
import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsEvents;
import ma.amo.enrolment.RightsStatus;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The members' desk: search a person (live results while the agent types) and read their file — identity, regime
 * periods, dependants, the rights timeline with the event and reason of each segment, contributions, claims, prior
 * approvals and complaints. Every file and every list of results read is recorded in the audit trail.
 */
@Controller
@RequestMapping("/agents/personnes")
class PersonPages {

	private static final String PURPOSE = "MEMBER_MANAGEMENT";
	/** The latest claims shown on a file; the review queue and the claims API page through the rest. */
	private static final int CLAIMS = 50;

	private final PersonSearch search;
	private final PopulationRegister register;
	private final MemberEnrolment enrolment;
	private final RightsEvents events;
	private final ContributionCalls calls;
	private final ClaimAdjudication claims;
	private final PriorApprovals approvals;
	private final ComplaintHandling complaints;
	private final AuditTrail trail;
	private final MessageSource messages;
	private final Clock clock;

	PersonPages(PersonSearch search, PopulationRegister register, MemberEnrolment enrolment, RightsEvents events,
			ContributionCalls calls, ClaimAdjudication claims, PriorApprovals approvals, ComplaintHandling complaints,
			AuditTrail trail, MessageSource messages, Clock clock) {
		this.search = search;
		this.register = register;
		this.enrolment = enrolment;
		this.events = events;
		this.calls = calls;
		this.claims = claims;
		this.approvals = approvals;
		this.complaints = complaints;
		this.trail = trail;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String searchPage(@RequestParam(required = false) String q, Model model, Locale locale) {
		results(q, model, locale);
		return "agents/persons";
	}

	/** The results alone, for the live search (htmx swaps them under the field). */
	@GetMapping("/resultats")
	String results(@RequestParam(required = false) String q, Model model, Locale locale) {
		String typed = q == null ? "" : q;
		model.addAttribute("q", typed.length() > PersonSearch.MAX_LENGTH ? typed.substring(0, PersonSearch.MAX_LENGTH) : typed);
		model.addAttribute("searched", !typed.isBlank());
		try {
			List<Person> found = search.find(typed, today());
			model.addAttribute("persons", found);
			model.addAttribute("problems", List.of());
			if (!found.isEmpty()) {
				trail.record(actor(), AuditEntry.Action.READ, "PERSON", found.stream().map(Person::idcs).toList(), PURPOSE);
			}
		}
		catch (InvalidInput invalid) {
			model.addAttribute("persons", List.of());
			model.addAttribute("problems", Problems.of(invalid, messages, locale));
		}
		return "agents/persons :: results";
	}

	/** A member's registration at a payer body: the regime periods, and the dependants with who they are. */
	record Membership(Member member, List<Enrolment> enrolments, List<Relative> dependants) {
	}

	record Relative(Dependant link, Person person) {
	}

	/** A segment of the rights timeline: from when until when, the status and rule, and the event that made it. */
	record Segment(LocalDate from, LocalDate until, RightsStatus status, String rule, String reason, String eventKind,
			String eventSummary, LocalDate occurredOn) {
	}

	@GetMapping("/{idcs}")
	String person(@PathVariable String idcs, Model model) {
		if (idcs.length() != 10 || !idcs.chars().allMatch(Character::isDigit)) {
			throw new InvalidInput("idcs", "idcs", "must have 10 digits");
		}
		LocalDate today = today();
		Person person = register.person(idcs).orElseThrow(() -> new NotFound("idcs", "no person with IDCS " + idcs));
		Viewer.require(search.inScope(idcs, today), "person " + idcs + " is outside your scope");
		Rights rights = search.rights(idcs, today).orElse(null);
		List<Membership> memberships = enrolment.memberships(idcs).stream().map(this::membership).toList();
		String member = rights != null && rights.memberIdcs() != null ? rights.memberIdcs() : idcs;
		model.addAttribute("person", person);
		model.addAttribute("rights", rights);
		model.addAttribute("memberships", memberships);
		model.addAttribute("timeline", timeline(events.history(member)));
		model.addAttribute("timelineOfMember", !member.equals(idcs));
		model.addAttribute("declared", memberships.stream().flatMap(m -> calls.declaredFor(m.member().id()).stream()).toList());
		model.addAttribute("calls", memberships.stream()
			.flatMap(m -> calls.ofPayer(ContributionCalls.PayerKind.MEMBER, m.member().registrationNumber()).stream()).toList());
		List<Claim.Summary> found = claims.search(null, idcs, null, null, 0, CLAIMS).content();
		model.addAttribute("claims", found);
		model.addAttribute("approvals", approvalsOf(idcs));
		model.addAttribute("complaints", complaintsOf(idcs));
		// A page is not a JSON answer that @Audited sees: the read of the file is recorded here.
		trail.record(actor(), AuditEntry.Action.READ, "PERSON", idcs, PURPOSE);
		return "agents/person";
	}

	private Membership membership(Member member) {
		List<Dependant> links = enrolment.dependantsOf(member);
		Map<String, Person> persons = register.persons(links.stream().map(Dependant::idcs).toList()).stream()
			.collect(Collectors.toMap(Person::idcs, Function.identity()));
		return new Membership(member, enrolment.enrolmentsOf(member),
				links.stream().map(d -> new Relative(d, persons.get(d.idcs()))).toList());
	}

	/** Each segment ends the day before the next one starts; the last one runs on. */
	static List<Segment> timeline(List<RightsEvents.Change> history) {
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < history.size(); i++) {
			RightsEvents.Change c = history.get(i);
			LocalDate until = i + 1 < history.size() ? history.get(i + 1).validFrom().minusDays(1) : null;
			segments.add(new Segment(c.validFrom(), until, c.status(), c.rule(), c.reason(), c.event().kind(),
					c.event().summary(), c.event().occurredOn()));
		}
		return segments;
	}

	/** The prior approvals the agent's payer body may read (an agent outside it reads none of them). */
	private List<Approval> approvalsOf(String idcs) {
		try {
			return approvals.ofPatient(idcs);
		}
		catch (AccessRefused outside) {
			return List.of();
		}
	}

	private List<ComplainantView> complaintsOf(String idcs) {
		return complaints.ofComplainant(new Complainant(Complainant.Kind.INSURED, idcs));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	static String actor() {
		return Viewer.current().map(Viewer::name).orElse("anonymous");
	}
}
