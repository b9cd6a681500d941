package ma.amo.enrolment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ma.amo.enrolment.Dependant.Relation;
import ma.amo.parameters.Parameters;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.population.RsuScore;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration in the two regimes that follow the social register (amo-rules.md, "Regimes"): Tadamon for households
 * whose RSU score is below the threshold, paid by the State, and Achamil for people above it who pay themselves.
 * Every answer, REGISTERED or REJECTED with its reason, is recorded with the score and threshold it was based on.
 */
@Service
public class SocialTargeting {

	private final PopulationRegister register;
	private final Parameters parameters;
	private final Eligibility eligibility;
	private final MemberEnrolment enrolment;
	private final JdbcClient jdbc;

	SocialTargeting(PopulationRegister register, Parameters parameters, Eligibility eligibility,
			MemberEnrolment enrolment, JdbcClient jdbc) {
		this.register = register;
		this.parameters = parameters;
		this.eligibility = eligibility;
		this.enrolment = enrolment;
		this.jdbc = jdbc;
	}

	public enum Outcome {
		REGISTERED, REJECTED
	}

	/** Why a registration was rejected. */
	public enum Rejection {
		NOT_IN_RSU, SCORE_ABOVE_THRESHOLD, SCORE_BELOW_THRESHOLD, COVERED_BY_OTHER_REGIME, DECEASED
	}

	/**
	 * The answer to a Tadamon or Achamil registration, with the people it registered and those it left out with their
	 * reason, in French.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "RegistrationDecision")
	public record Decision(Outcome outcome, Rejection rejection, String reason, BigDecimal score,
			BigDecimal threshold, String memberRegistrationNumber, List<String> registered, List<String> leftOut,
			BigDecimal monthlyAmount) {
	}

	/**
	 * Registers a household in Tadamon on {@code date}: the head (the oldest adult, unless named) becomes the member,
	 * a spouse named in the request and the children under the age limit become dependants, and other adults become
	 * members of their own. Members of the household already covered by another regime are left out; the household
	 * is rejected when its head is covered elsewhere.
	 */
	@Transactional
	public Decision tadamon(String householdId, LocalDate date, String headIdcs, String spouseIdcs) {
		if (householdId == null || householdId.isBlank()) {
			throw new InvalidInput("householdId", "required", "is required");
		}
		if (date == null) {
			throw new InvalidInput("date", "required", "is required");
		}
		BigDecimal threshold = parameters.decimal("tadamon.rsu-threshold", date);
		List<RsuScore> household = register.household(householdId, date);
		if (household.isEmpty()) {
			return record("TADAMON", householdId, null, date, rejected(Rejection.NOT_IN_RSU,
					"foyer " + householdId + " absent du registre social unifié au " + french(date), null, threshold));
		}
		BigDecimal score = household.getFirst().score();
		if (score.compareTo(threshold) >= 0) {
			return record("TADAMON", householdId, null, date, rejected(Rejection.SCORE_ABOVE_THRESHOLD,
					"indice socio-économique " + score + " égal ou supérieur au seuil " + threshold + " de l'AMO Tadamon", score, threshold));
		}
		List<Person> people = new ArrayList<>(register.persons(household.stream().map(RsuScore::idcs).toList()));
		people.removeIf(p -> p.deathDate() != null && !p.deathDate().isAfter(date));
		int childLimit = parameters.integer("rights.child.age-limit", date);
		Person head = headIdcs != null ? people.stream().filter(p -> p.idcs().equals(headIdcs)).findFirst()
			.orElseThrow(() -> new InvalidInput("headIdcs", "household-member", "is not a living member of household " + householdId))
				: people.stream().filter(p -> p.ageOn(date) >= 18).min(Comparator.comparing(Person::birthDate))
					.orElseThrow(() -> new InvalidInput("headIdcs", "adult", "the household has no adult; name its head"));
		if (covered(head.idcs(), date)) {
			return record("TADAMON", householdId, null, date, rejected(Rejection.COVERED_BY_OTHER_REGIME,
					"le chef du foyer " + head.idcs() + " est déjà couvert par un autre régime au " + french(date), score, threshold));
		}
		MemberEnrolment.Enrolled principal = enrolment.enrol(head.idcs(), Regime.TADAMON, date, false);
		List<String> registered = new ArrayList<>(List.of(head.idcs()));
		List<String> leftOut = new ArrayList<>();
		String number = principal.member().registrationNumber();
		for (Person person : people) {
			if (person == head) {
				continue;
			}
			if (covered(person.idcs(), date)) {
				leftOut.add(person.idcs() + ": déjà couvert par un autre régime");
			}
			else if (person.idcs().equals(spouseIdcs)) {
				enrolment.attach(number, person.idcs(), Relation.SPOUSE, date, null, false);
				registered.add(person.idcs());
			}
			else if (person.ageOn(date) < childLimit) {
				enrolment.attach(number, person.idcs(), Relation.CHILD, date, null, false);
				registered.add(person.idcs());
			}
			else {
				enrolment.enrol(person.idcs(), Regime.TADAMON, date, false);
				registered.add(person.idcs());
			}
		}
		Decision decision = new Decision(Outcome.REGISTERED, null, "foyer immatriculé: indice socio-économique " + score
				+ " inférieur au seuil " + threshold, score, threshold, number, registered, leftOut, null);
		return record("TADAMON", householdId, principal.member().id(), date, decision);
	}

	/**
	 * Registers a person in Achamil on {@code date}: their RSU score must be at or above the Tadamon threshold and
	 * they must have no other cover. The monthly amount follows their score band; a 3-month waiting period applies.
	 */
	@Transactional
	public Decision achamil(String idcs, LocalDate date) {
		register.checkIdcs("idcs", idcs);
		if (date == null) {
			throw new InvalidInput("date", "required", "is required");
		}
		Person person = register.person(idcs).orElseThrow(() -> new NotFound("idcs", "no person with IDCS " + idcs));
		BigDecimal threshold = parameters.decimal("tadamon.rsu-threshold", date);
		if (person.diedBefore(date)) {
			return record("ACHAMIL", null, null, date, idcs,
					rejected(Rejection.DECEASED, "personne décédée le " + french(person.deathDate()), null, threshold));
		}
		RsuScore score = register.scoreOn(idcs, date).orElse(null);
		if (score == null) {
			return record("ACHAMIL", null, null, date, idcs, rejected(Rejection.NOT_IN_RSU,
					"aucun indice socio-économique au registre social unifié au " + french(date), null, threshold));
		}
		if (score.score().compareTo(threshold) < 0) {
			return record("ACHAMIL", score.householdId(), null, date, idcs, rejected(Rejection.SCORE_BELOW_THRESHOLD,
					"indice socio-économique " + score.score() + " inférieur au seuil " + threshold + ": relève de l'AMO Tadamon",
					score.score(), threshold));
		}
		if (covered(idcs, date)) {
			return record("ACHAMIL", score.householdId(), null, date, idcs, rejected(Rejection.COVERED_BY_OTHER_REGIME,
					"personne déjà couverte par un autre régime au " + french(date), score.score(), threshold));
		}
		MemberEnrolment.Enrolled enrolled = enrolment.enrol(idcs, Regime.ACHAMIL, date, false);
		BigDecimal amount = AchamilBands.parse(parameters.text("achamil.bands", date)).monthlyAmount(score.score());
		Decision decision = new Decision(Outcome.REGISTERED, null, "indice socio-économique " + score.score()
				+ " égal ou supérieur au seuil " + threshold + "; cotisation mensuelle " + amount + " DH",
				score.score(), threshold, enrolled.member().registrationNumber(), List.of(idcs), List.of(), amount);
		return record("ACHAMIL", score.householdId(), enrolled.member().id(), date, idcs, decision);
	}

	/**
	 * The Achamil monthly amount a person owes for a month: the band of their RSU score in force on the month's first
	 * day, empty when they have no score then.
	 */
	public java.util.Optional<BigDecimal> achamilMonthlyAmount(String idcs, LocalDate month) {
		return register.scoreOn(idcs, month)
			.map(score -> AchamilBands.parse(parameters.text("achamil.bands", month)).monthlyAmount(score.score()));
	}

	/** Covered means rights open, waiting or suspended: any of them is a regime the person already belongs to. */
	private boolean covered(String idcs, LocalDate date) {
		return eligibility.of(idcs, date).status() != RightsStatus.CLOSED;
	}

	/** Dates as French readers write them in the reasons. */
	private static String french(LocalDate date) {
		return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
	}

	private static Decision rejected(Rejection rejection, String reason, BigDecimal score, BigDecimal threshold) {
		return new Decision(Outcome.REJECTED, rejection, reason, score, threshold, null, List.of(), List.of(), null);
	}

	private Decision record(String programme, String householdId, Long memberId, LocalDate date, Decision decision) {
		return record(programme, householdId, memberId, date, null, decision);
	}

	private Decision record(String programme, String householdId, Long memberId, LocalDate date, String idcs,
			Decision decision) {
		jdbc.sql("""
				insert into targeting_decision (programme, household_id, idcs, decided_on, outcome, reason, score, threshold, member_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(programme, householdId, idcs, date, decision.outcome().name(),
					decision.rejection() == null ? decision.reason() : decision.rejection() + ": " + decision.reason(),
					decision.score(), decision.threshold(), memberId)
			.update();
		return decision;
	}
}
