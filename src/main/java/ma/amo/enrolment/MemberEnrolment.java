package ma.amo.enrolment;

import java.time.LocalDate;
import java.util.List;

import ma.amo.enrolment.Dependant.Relation;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.Viewer;
import ma.amo.shared.RuleBroken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols people in regimes and attaches their dependants, enforcing the enrolment rules of amo-rules.md: one regime
 * at a time (a new regime ends the previous one the day before), a person dependant of one member only, children
 * within their age limits. Each change locks the person's register row, so two changes to one person never race.
 */
@Service
public class MemberEnrolment {

	/** Polygamy is legal within the limits of the Moudawana: at most four spouses at once. */
	private static final int MAX_SPOUSES = 4;

	private final Members members;
	private final PopulationRegister register;
	private final JdbcClient jdbc;
	private final RightsEvents events;

	MemberEnrolment(Members members, PopulationRegister register, JdbcClient jdbc, RightsEvents events) {
		this.members = members;
		this.register = register;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Enrols the person in {@code regime} from {@code start}, registering them at the regime's payer body when they
	 * are not yet. A regime period still running is ended the day before with {@code REGIME_CHANGE}.
	 */
	@Transactional
	public Enrolled enrol(String idcs, Regime regime, LocalDate start, boolean waitingWaived) {
		require("regime", regime);
		require("startDate", start);
		Person person = lockPerson("idcs", idcs);
		if (person.deathDate() != null && !start.isBefore(person.deathDate())) {
			throw new RuleBroken("startDate", "deceased", "the person died on " + person.deathDate());
		}
		List<Enrolment> existing = members.enrolmentsOfPerson(idcs);
		for (Enrolment enrolment : existing) {
			if (!enrolment.startDate().isBefore(start)) {
				throw new RuleBroken("startDate", "one-regime-at-a-time", "the person already has a " + enrolment.regime()
						+ " period starting on " + enrolment.startDate() + "; a new regime must start after it");
			}
			if (enrolment.covers(start)) {
				if (enrolment.regime() == regime) {
					throw new RuleBroken("regime", "already-enrolled",
							"the person is already enrolled in " + regime + " since " + enrolment.startDate());
				}
				members.end(enrolment.id(), start.minusDays(1), Enrolment.EndReason.REGIME_CHANGE);
			}
		}
		Member member = members.byPayer(regime.payerBody(), idcs)
			.orElseGet(() -> members.register(idcs, regime.payerBody(), start));
		Enrolment enrolment = members.insert(member.id(), regime, start, waitingWaived);
		events.recompute(events.record("ENROLMENT", "Immatriculation au régime " + regime + " à compter du " + start
				+ (waitingWaived ? " sans stage (changement d'emploi)" : ""), start), List.of(member.id()), start);
		return new Enrolled(member, enrolment);
	}

	/** Ends a regime period: the member left the regime's conditions, or died. */
	@Transactional
	public Enrolment end(long enrolmentId, LocalDate end, Enrolment.EndReason reason) {
		require("endDate", end);
		require("reason", reason);
		if (reason == Enrolment.EndReason.REGIME_CHANGE) {
			throw new InvalidInput("reason", "enum", "REGIME_CHANGE is set by enrolling in the new regime");
		}
		Enrolment enrolment = enrolment(enrolmentId);
		lockPerson("idcs", memberOf(enrolment).idcs());
		if (enrolment.endDate() != null) {
			throw new RuleBroken("enrolmentId", "already-ended", "the period already ended on " + enrolment.endDate());
		}
		if (end.isBefore(enrolment.startDate())) {
			throw new InvalidInput("endDate", "after-start", "must not be before the start " + enrolment.startDate());
		}
		members.end(enrolmentId, end, reason);
		events.recompute(events.record("END_OF_REGIME", "Fin de la période dans l'" + enrolment.regime().french() + " le "
				+ end + " (" + reason.french() + ")", end), List.of(enrolment.memberId()), end);
		return enrolment(enrolmentId);
	}

	/** Suspends an enrolment's rights from {@code start} until {@code end} (open-ended when null). */
	@Transactional
	public Suspension suspend(long enrolmentId, LocalDate start, LocalDate end, String reason) {
		require("startDate", start);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("reason", "required", "is required");
		}
		if (end != null && end.isBefore(start)) {
			throw new InvalidInput("endDate", "after-start", "must not be before the start date");
		}
		Enrolment enrolment = enrolment(enrolmentId);
		if (!enrolment.covers(start)) {
			throw new RuleBroken("startDate", "within-period", "the enrolment does not run on " + start);
		}
		Suspension suspension = members.suspend(enrolmentId, start, end, reason.strip());
		events.recompute(events.record("SUSPENSION", "Suspension des droits à compter du " + start + ": "
				+ reason.strip(), start), List.of(enrolment.memberId()), start);
		return suspension;
	}

	/** Attaches a spouse or child to a member from {@code start}. */
	@Transactional
	public Dependant attach(String registrationNumber, String idcs, Relation relation, LocalDate start,
			LocalDate studentUntil, boolean disabled) {
		require("relation", relation);
		require("startDate", start);
		Member member = member(registrationNumber);
		if (member.idcs().equals(idcs)) {
			throw new RuleBroken("idcs", "not-self", "a member cannot be their own dependant");
		}
		Person person = lockPerson("idcs", idcs);
		if (person.diedBefore(start)) {
			throw new RuleBroken("startDate", "deceased", "the person died on " + person.deathDate());
		}
		if (relation == Relation.SPOUSE && (studentUntil != null || disabled)) {
			throw new InvalidInput("relation", "child-only", "student and disability status apply to children only");
		}
		for (Dependant link : members.linksOfPerson(idcs)) {
			if (link.endDate() == null || !link.endDate().isBefore(start)) {
				throw new RuleBroken("idcs", "one-member-only", "the person is already a dependant (" + link.relation()
						+ ") of another member from " + link.startDate() + "; end that link first");
			}
		}
		if (relation == Relation.CHILD && !disabled && person.ageOn(start) >= 21
				&& (studentUntil == null || person.ageOn(start) >= 26)) {
			throw new RuleBroken("idcs", "child-age-limit", "the child is " + person.ageOn(start)
					+ " on " + start + ": over the age limit unless a student (until 26) or disabled");
		}
		if (relation == Relation.SPOUSE && members.dependantsOf(member.id()).stream()
			.filter(d -> d.relation() == Relation.SPOUSE && d.activeOn(start))
			.count() >= MAX_SPOUSES) {
			throw new RuleBroken("relation", "max-spouses", "a member has at most " + MAX_SPOUSES + " spouses");
		}
		return members.attach(member.id(), idcs, relation, start, studentUntil, disabled);
	}

	/** Ends a dependant link: divorce keeps the spouse covered for a while, any other end does not. */
	@Transactional
	public Dependant detach(long dependantId, LocalDate end, Dependant.EndReason reason) {
		require("endDate", end);
		require("reason", reason);
		Dependant dependant = dependant(dependantId);
		if (dependant.endDate() != null) {
			throw new RuleBroken("dependantId", "already-ended", "the link already ended on " + dependant.endDate());
		}
		if (end.isBefore(dependant.startDate())) {
			throw new InvalidInput("endDate", "after-start", "must not be before the start " + dependant.startDate());
		}
		if (reason == Dependant.EndReason.DIVORCE && dependant.relation() != Relation.SPOUSE) {
			throw new InvalidInput("reason", "spouse-only", "only a spouse can divorce");
		}
		members.detach(dependantId, end, reason);
		return dependant(dependantId);
	}

	/** Records a child's student certificate: covered up to 26 while it runs. */
	@Transactional
	public Dependant certifyStudies(long dependantId, LocalDate studentUntil) {
		require("studentUntil", studentUntil);
		Dependant dependant = dependant(dependantId);
		if (dependant.relation() != Relation.CHILD) {
			throw new InvalidInput("studentUntil", "child-only", "student status applies to children only");
		}
		members.certifyStudies(dependantId, studentUntil);
		return dependant(dependantId);
	}

	public Member member(String registrationNumber) {
		String problem = RegistrationNumber.problem(registrationNumber);
		if (problem != null) {
			throw new InvalidInput("registrationNumber", "registration-number", problem);
		}
		Member member = members.byRegistrationNumber(registrationNumber)
			.orElseThrow(() -> new NotFound("registrationNumber", "no member with registration number " + registrationNumber));
		Viewer.current().ifPresent(viewer -> Viewer.require(visible(viewer, member),
				"member " + registrationNumber + " is outside your scope"));
		return member;
	}

	/**
	 * The person's memberships, one per payer body at most (none when the person is no member); refused when none of
	 * them is within the viewer's scope.
	 */
	public List<Member> memberships(String idcs) {
		List<Member> all = members.byIdcs(idcs);
		Viewer.current().ifPresent(viewer -> Viewer.require(all.isEmpty() || all.stream().anyMatch(m -> visible(viewer, m)),
				"member " + idcs + " is outside your scope"));
		return all;
	}

	/** A member sees their own file, an agent the files of their payer body (and region, when the agent has one). */
	private boolean visible(Viewer viewer, Member member) {
		return switch (viewer.role()) {
			case MEMBER -> member.idcs().equals(viewer.idcs());
			case PAYER_AGENT -> member.payerBody().name().equals(viewer.payerBody()) && (viewer.region() == null
					|| register.person(member.idcs()).map(p -> viewer.region().equals(p.region())).orElse(false));
			default -> true;
		};
	}

	/** A page of the members the viewer's scope covers (an agent's payer body and region), in registration order. */
	public List<Member> members(int page, int size) {
		return members.page(Viewer.current().orElse(null), page, size);
	}

	public long countMembers() {
		return members.count(Viewer.current().orElse(null));
	}

	public List<Enrolment> enrolmentsOf(Member member) {
		return members.enrolmentsOfMember(member.id());
	}

	/** The members whose period in the regime covers the date, in registration order. */
	public List<Enrolled> enrolledOn(Regime regime, LocalDate date) {
		return members.enrolledOn(regime, date);
	}

	public List<Enrolment> enrolmentsOfPerson(String idcs) {
		register.checkIdcs("idcs", idcs);
		return members.enrolmentsOfPerson(idcs);
	}

	public List<Dependant> dependantsOf(Member member) {
		return members.dependantsOf(member.id());
	}

	/** The person's registrations as a member, one per payer body at most (a person's own data, e.g. for loi 09-08). */
	public List<Member> membershipsOfPerson(String idcs) {
		register.checkIdcs("idcs", idcs);
		return java.util.Arrays.stream(PayerBody.values()).flatMap(p -> members.byPayer(p, idcs).stream()).toList();
	}

	/** Every link, current or ended, that made the person a dependant of a member. */
	public List<Dependant> dependantLinksOfPerson(String idcs) {
		register.checkIdcs("idcs", idcs);
		return members.linksOfPerson(idcs);
	}

	public List<Suspension> suspensionsOf(long enrolmentId) {
		enrolment(enrolmentId);
		return members.suspensions(enrolmentId);
	}

	public Enrolment enrolment(long id) {
		return members.enrolment(id).orElseThrow(() -> new NotFound("enrolmentId", "no enrolment " + id));
	}

	public Dependant dependant(long id) {
		return members.dependant(id).orElseThrow(() -> new NotFound("dependantId", "no dependant " + id));
	}

	private Member memberOf(Enrolment enrolment) {
		return jdbc.sql("select id, idcs, payer_body, registration_number, registered_on from member where id = ?")
			.param(enrolment.memberId()).query(Members::member).single();
	}

	private Person lockPerson(String field, String idcs) {
		register.checkIdcs(field, idcs);
		jdbc.sql("select 1 from person where idcs = ? for update").param(idcs).query(Integer.class).optional()
			.orElseThrow(() -> new NotFound(field, "no person with IDCS " + idcs + " in the population register"));
		return register.person(idcs).orElseThrow();
	}

	private static void require(String field, Object value) {
		if (value == null) {
			throw new InvalidInput(field, "required", "is required");
		}
	}

	/** A member and the regime period just opened for them. */
	public record Enrolled(Member member, Enrolment enrolment) {
	}
}
