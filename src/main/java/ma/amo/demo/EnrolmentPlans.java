package ma.amo.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ma.amo.demo.Household.Resident;
import ma.amo.demo.Household.Role;
import ma.amo.enrolment.Dependant.EndReason;
import ma.amo.enrolment.Dependant.Relation;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.PortfolioLoad.Link;
import ma.amo.enrolment.PortfolioLoad.Period;
import ma.amo.enrolment.PortfolioLoad.Plan;
import ma.amo.enrolment.PortfolioLoad.Suspension;
import ma.amo.enrolment.Regime;

/**
 * Turns a generated household into enrolment histories, in proportions close to the published ones (Tadamon about a
 * third of the population, the salaried regime the largest contributory one), with the situations that make every
 * rights state occur: recent hires still waiting, jobs lost within the keep-rights months, regime changes, Achamil
 * waiting periods and missed payments, divorces, deaths of members, children past their age limits.
 */
final class EnrolmentPlans {

	private static final LocalDate TADAMON_START = LocalDate.of(2022, 12, 1);
	private static final LocalDate ACHAMIL_START = LocalDate.of(2023, 12, 1);

	private final LocalDate today;
	private final BigDecimal tadamonThreshold;

	EnrolmentPlans(LocalDate today, BigDecimal tadamonThreshold) {
		this.today = today;
		this.tadamonThreshold = tadamonThreshold;
	}

	List<Plan> of(Household household) {
		Random random = new Random(seed(household.id()));
		List<Plan> plans = new ArrayList<>();
		Resident head = household.head();
		BigDecimal score = household.currentScore();
		if (score != null && score.compareTo(tadamonThreshold) < 0) {
			tadamon(household, random, plans);
			return plans;
		}
		double draw = random.nextDouble();
		Regime regime = draw < 0.52 ? Regime.SALARIED_PRIVATE : draw < 0.67 ? Regime.PUBLIC_SECTOR
				: draw < 0.82 ? Regime.SELF_EMPLOYED : draw < 0.90 && score != null ? Regime.ACHAMIL : null;
		if (regime == null) {
			return plans;
		}
		Map<LocalDate, Integer> days = new TreeMap<>();
		List<Period> periods = periods(head, regime, random, days);
		if (periods.isEmpty()) {
			return plans;
		}
		LocalDate since = periods.getFirst().start();
		List<Link> links = new ArrayList<>();
		for (Resident r : household.residents()) {
			switch (r.role()) {
				case HEAD -> { }
				case SPOUSE -> {
					if (random.nextDouble() < 0.25 && r.ageOn(today) < 60) {
						Map<LocalDate, Integer> spouseDays = new TreeMap<>();
						add(plans, r, periods(r, Regime.SALARIED_PRIVATE, random, spouseDays), spouseDays);
					}
					else {
						links.add(spouse(r, since, random));
					}
				}
				case CHILD -> child(r, since, random, links, plans);
				case ELDER -> {
					if (random.nextDouble() < 0.5) {
						add(plans, r, periods(r, Regime.SELF_EMPLOYED, random, new TreeMap<>()), Map.of());
					}
				}
			}
		}
		plans.add(new Plan(head.idcs(), periods, days, links));
		return plans;
	}

	private void tadamon(Household household, Random random, List<Plan> plans) {
		LocalDate start = TADAMON_START.plusDays(random.nextInt(700));
		Resident head = household.head();
		List<Period> periods = single(head, Regime.TADAMON, start, null, null, false, List.of());
		if (periods.isEmpty()) {
			return;
		}
		List<Link> links = new ArrayList<>();
		for (Resident r : household.residents()) {
			if (r.role() == Role.SPOUSE) {
				links.add(new Link(r.idcs(), Relation.SPOUSE, start, null, null, null, false));
			}
			else if (r.role() == Role.CHILD && r.ageOn(start) < 21) {
				links.add(new Link(r.idcs(), Relation.CHILD, later(start, r.birthDate()), null, null, null, false));
			}
			else if (r.role() != Role.HEAD) {
				add(plans, r, single(r, Regime.TADAMON, start, null, null, false, List.of()), Map.of());
			}
		}
		plans.add(new Plan(head.idcs(), periods, Map.of(), links));
	}

	private Link spouse(Resident spouse, LocalDate since, Random random) {
		if (random.nextDouble() < 0.05) {
			LocalDate divorce = today.minusDays(10 + random.nextInt(700));
			if (divorce.isAfter(since)) {
				return new Link(spouse.idcs(), Relation.SPOUSE, since, divorce, EndReason.DIVORCE, null, false);
			}
		}
		return new Link(spouse.idcs(), Relation.SPOUSE, since, null, null, null, false);
	}

	private void child(Resident child, LocalDate since, Random random, List<Link> links, List<Plan> plans) {
		int age = child.ageOn(today);
		LocalDate start = later(since, child.birthDate());
		if (age < 21 || age < 23 && random.nextDouble() < 0.5) {
			// Children who turned 21 recently are kept linked: their rights close on the birthday.
			links.add(new Link(child.idcs(), Relation.CHILD, start, null, null, null, false));
		}
		else if (age < 26 && random.nextDouble() < 0.5) {
			LocalDate june = LocalDate.of(today.getYear() + (today.getMonthValue() > 6 ? 1 : 0), 6, 30);
			links.add(new Link(child.idcs(), Relation.CHILD, start, null, null, june, false));
		}
		else if (random.nextDouble() < 0.04) {
			links.add(new Link(child.idcs(), Relation.CHILD, start, null, null, null, true));
		}
		else if (age < 26 && random.nextDouble() < 0.3) {
			add(plans, child, single(child, Regime.STUDENT, today.minusDays(30 + random.nextInt(900)), null, null,
					false, List.of()), Map.of());
		}
		else if (random.nextDouble() < 0.5) {
			Map<LocalDate, Integer> days = new TreeMap<>();
			add(plans, child, periods(child, Regime.SALARIED_PRIVATE, random, days), days);
		}
	}

	/** A person's periods in a regime, with the variations that exercise the rights rules. */
	private List<Period> periods(Resident person, Regime regime, Random random, Map<LocalDate, Integer> days) {
		double v = random.nextDouble();
		return switch (regime) {
			case SALARIED_PRIVATE -> {
				if (v < 0.08) {
					LocalDate hire = today.minusDays(10 + random.nextInt(40));
					declare(days, hire, lastMonthBeforeDeclarations(), random);
					yield single(person, regime, hire, null, null, false, List.of());
				}
				LocalDate hire = today.minusDays(200 + random.nextInt(3500));
				if (v < 0.16 || v < 0.20) {
					LocalDate end = v < 0.16 ? today.minusDays(10 + random.nextInt(170))
							: today.minusDays(200 + random.nextInt(800));
					if (end.isBefore(hire)) {
						hire = end.minusDays(400);
					}
					declare(days, hire, end, random);
					yield single(person, regime, hire, end, Enrolment.EndReason.CONDITIONS_ENDED, false, List.of());
				}
				if (v < 0.26) {
					LocalDate change = today.minusDays(30 + random.nextInt(150));
					declare(days, hire, change.minusDays(1), random);
					Regime next = random.nextBoolean() ? Regime.PUBLIC_SECTOR : Regime.SELF_EMPLOYED;
					List<Period> first = single(person, regime, hire, change.minusDays(1), Enrolment.EndReason.REGIME_CHANGE,
							false, List.of());
					List<Period> second = single(person, next, change, null, null, true, List.of());
					if (first.isEmpty() || second.isEmpty() || first.getLast().end() == null) {
						yield first;
					}
					yield List.of(first.getFirst(), second.getFirst());
				}
				declare(days, hire, lastMonthBeforeDeclarations(), random);
				yield single(person, regime, hire, null, null, false, List.of());
			}
			case SELF_EMPLOYED -> single(person, regime, today.minusDays(30 + random.nextInt(5000)), null, null, false,
					v < 0.06 ? List.of(new Suspension(today.minusDays(30 + random.nextInt(170)), null,
							"12 mois de cotisations impayées")) : List.of());
			case ACHAMIL -> {
				LocalDate start = v < 0.15 ? today.minusDays(5 + random.nextInt(80))
						: later(ACHAMIL_START.plusDays(random.nextInt(500)), today.minusYears(3));
				List<Suspension> suspensions = v > 0.85 && start.isBefore(today.minusMonths(4))
						? List.of(new Suspension(today.minusDays(10 + random.nextInt(50)), null, "Mensualité Achamil impayée"))
						: List.of();
				yield single(person, regime, start, null, null, false, suspensions);
			}
			default -> single(person, regime, today.minusDays(30 + random.nextInt(5000)), null, null, false, List.of());
		};
	}

	/**
	 * One period, adjusted to the person's life: it starts at 18 at the earliest, and a death ends it (reason DEATH);
	 * empty when the person was not an adult alive before today.
	 */
	private List<Period> single(Resident person, Regime regime, LocalDate start, LocalDate end,
			Enrolment.EndReason reason, boolean waived, List<Suspension> suspensions) {
		LocalDate adult = person.birthDate().plusYears(regime == Regime.TADAMON ? 0 : 18);
		start = later(start, adult);
		if (!start.isBefore(today)) {
			return List.of();
		}
		LocalDate death = person.deathDate();
		if (death != null) {
			if (!death.isAfter(start)) {
				return List.of();
			}
			if (end == null || death.isBefore(end)) {
				end = death;
				reason = Enrolment.EndReason.DEATH;
			}
		}
		if (end != null && end.isBefore(start)) {
			return List.of();
		}
		LocalDate periodStart = start;
		LocalDate periodEnd = end;
		List<Suspension> kept = suspensions.stream()
			.filter(s -> s.start().isAfter(periodStart) && (periodEnd == null || s.start().isBefore(periodEnd)))
			.toList();
		return List.of(new Period(regime, start, end, reason, waived, kept));
	}

	/**
	 * The last day of history for people still employed: the month before the last complete month, whose
	 * declarations the demo files through the contributions module ({@link DemoContributions}).
	 */
	/**
	 * The household's own random seed, its id's hash spread over 64 bits: the first draw of {@code java.util.Random}
	 * seeded with nearby numbers (ids that differ by their last digits) barely differs, which put every household in
	 * the same regime band and left the public sector (CNOPS) out of the demo.
	 */
	static long seed(String householdId) {
		long h = householdId.hashCode() * 0x9E3779B97F4A7C15L;
		h ^= h >>> 33;
		h *= 0xFF51AFD7ED558CCDL;
		return h ^ (h >>> 33);
	}

	private LocalDate lastMonthBeforeDeclarations() {
		return today.withDayOfMonth(1).minusMonths(1).minusDays(1);
	}

	/** Working days declared in the three months after hiring and the eighteen before {@code until}. */
	private static void declare(Map<LocalDate, Integer> days, LocalDate hire, LocalDate until, Random random) {
		LocalDate first = hire.withDayOfMonth(1);
		LocalDate last = until.withDayOfMonth(1);
		for (LocalDate m = first; !m.isAfter(last) && m.isBefore(first.plusMonths(3)); m = m.plusMonths(1)) {
			days.put(m, m.equals(first) ? Math.max(1, 26 - hire.getDayOfMonth()) : 22 + random.nextInt(5));
		}
		// Eighteen months: the demo's year of care, and the six months before each day of it that open the rights.
		for (LocalDate m = later(first, last.minusMonths(17)); !m.isAfter(last); m = m.plusMonths(1)) {
			days.putIfAbsent(m, m.equals(first) ? Math.max(1, 26 - hire.getDayOfMonth()) : 22 + random.nextInt(5));
		}
	}

	private static void add(List<Plan> plans, Resident person, List<Period> periods, Map<LocalDate, Integer> days) {
		if (!periods.isEmpty()) {
			plans.add(new Plan(person.idcs(), periods, days, List.of()));
		}
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}
}
