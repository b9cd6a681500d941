package ma.amo.enrolment.rights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.RegistrationNumber;
import ma.amo.enrolment.Suspension;
import ma.amo.parameters.ParameterValues;
import ma.amo.population.Person;
import ma.amo.population.Sex;

/** Fixtures for the rights engine: people, regime periods and dependant links built in memory. */
final class Covers {

	private static long ids = 1;

	/** The default parameters of the platform (V1 migration), with overrides by name and effective date. */
	static final class Values implements ParameterValues {
		private final Map<String, TreeMap<LocalDate, String>> values = new HashMap<>();

		Values() {
			LocalDate from = LocalDate.of(2005, 9, 1);
			set("rights.salaried.waiting-days", from, "54");
			set("rights.salaried.waiting-window-months", from, "6");
			for (Regime regime : Regime.values()) {
				set("rights.keep-months." + regime, from, regime == Regime.SALARIED_PRIVATE ? "6" : "0");
			}
			set("rights.achamil.waiting-months", from, "3");
			set("rights.divorced-spouse.keep-months", from, "12");
			set("rights.survivors.keep-months", from, "24");
			set("rights.child.age-limit", from, "21");
			set("rights.child.student-age-limit", from, "26");
		}

		Values set(String name, LocalDate from, String value) {
			values.computeIfAbsent(name, k -> new TreeMap<>()).put(from, value);
			return this;
		}

		@Override
		public String text(String name, LocalDate date) {
			return values.get(name).floorEntry(date).getValue();
		}
	}

	static Person person(LocalDate birth) {
		return person(birth, null);
	}

	static Person person(LocalDate birth, LocalDate death) {
		long id = ids++;
		return new Person("%010d".formatted(id), null, "Alaoui", "Person" + id, null, null, birth, Sex.F, "Rabat",
				"Rabat", "Rabat-Salé-Kénitra", death);
	}

	static Member member(Person person, Regime regime) {
		long id = ids++;
		return new Member(id, person.idcs(), regime.payerBody(), RegistrationNumber.of(100_000_000 + id),
				LocalDate.of(2020, 1, 1));
	}

	static CoverFile.Period period(Person person, Regime regime, LocalDate start, LocalDate end,
			Enrolment.EndReason reason) {
		Member member = member(person, regime);
		return new CoverFile.Period(member, new Enrolment(ids++, member.id(), regime, start, end, reason, false),
				List.of(), List.of());
	}

	static CoverFile.Period waived(CoverFile.Period p) {
		Enrolment e = p.enrolment();
		return new CoverFile.Period(p.member(), new Enrolment(e.id(), e.memberId(), e.regime(), e.startDate(),
				e.endDate(), e.endReason(), true), p.suspensions(), p.paidDays());
	}

	static CoverFile.Period suspended(CoverFile.Period p, LocalDate from, LocalDate to) {
		return new CoverFile.Period(p.member(), p.enrolment(),
				List.of(new Suspension(ids++, p.enrolment().id(), from, to, "Mensualité impayée")), p.paidDays());
	}

	/**
	 * The period with days declared month by month from {@code firstMonth}, each month paid on the 10th of the month
	 * after it, the due date of the salaried regime.
	 */
	static CoverFile.Period declared(CoverFile.Period p, LocalDate firstMonth, int... days) {
		List<CoverFile.PaidDays> paid = new ArrayList<>(p.paidDays());
		for (int i = 0; i < days.length; i++) {
			LocalDate month = firstMonth.plusMonths(i).withDayOfMonth(1);
			paid.add(new CoverFile.PaidDays(month, days[i], month.plusMonths(1).withDayOfMonth(10)));
		}
		return new CoverFile.Period(p.member(), p.enrolment(), p.suspensions(), CoverFile.PaidDays.inMonthOrder(paid));
	}

	/** The period with the days of one month paid on {@code paidOn}. */
	static CoverFile.Period paid(CoverFile.Period p, LocalDate month, int days, LocalDate paidOn) {
		List<CoverFile.PaidDays> paid = new ArrayList<>(p.paidDays());
		paid.add(new CoverFile.PaidDays(month, days, paidOn));
		return new CoverFile.Period(p.member(), p.enrolment(), p.suspensions(), CoverFile.PaidDays.inMonthOrder(paid));
	}

	static CoverFile own(Person person, CoverFile.Period... periods) {
		return new CoverFile(person, List.of(periods), List.of());
	}

	static CoverFile dependant(Person person, Person memberPerson, CoverFile.Period memberPeriod,
			Dependant.Relation relation, LocalDate start, LocalDate end, Dependant.EndReason reason,
			LocalDate studentUntil, boolean disabled) {
		Dependant link = new Dependant(ids++, memberPeriod.member().id(), person.idcs(), relation, start, end, reason,
				studentUntil, disabled);
		return new CoverFile(person, new ArrayList<>(),
				List.of(new CoverFile.Link(link, memberPeriod.member(), memberPerson, List.of(memberPeriod))));
	}
}
