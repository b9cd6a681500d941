package ma.amo.enrolment.rights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.Suspension;
import ma.amo.population.Person;

/**
 * Everything the rights engine reads about one person: the person, their own regime periods, and the members they
 * are or were a dependant of with those members' periods.
 */
public record CoverFile(Person person, List<Period> own, List<Link> links) {

	/** One regime period of a member, with its suspensions and the member's paid working days, in month order. */
	public record Period(Member member, Enrolment enrolment, List<Suspension> suspensions, List<PaidDays> paidDays) {
	}

	/**
	 * Working days of a month declared for the member by one employer, counted from the day the declaration was paid
	 * (amo-rules.md: "54 working days of declared and paid contributions").
	 */
	public record PaidDays(LocalDate month, int days, LocalDate paidOn) {

		private static final Comparator<PaidDays> ORDER = Comparator.comparing(PaidDays::month)
			.thenComparing(PaidDays::paidOn);

		/** The rows sorted by month, then payment date, as the rights engine reads them. */
		public static List<PaidDays> inMonthOrder(List<PaidDays> rows) {
			List<PaidDays> sorted = new ArrayList<>(rows);
			sorted.sort(ORDER);
			return sorted;
		}
	}

	/** A dependant link, with the member's person (for the member's death) and the member's own periods. */
	public record Link(Dependant dependant, Member member, Person memberPerson, List<Period> memberPeriods) {
	}
}
