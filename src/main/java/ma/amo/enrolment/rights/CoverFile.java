package ma.amo.enrolment.rights;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;

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

	/** One regime period of a member, with its suspensions and the member's declared working days by month. */
	public record Period(Member member, Enrolment enrolment, List<Suspension> suspensions,
			NavigableMap<LocalDate, Integer> declaredDays) {
	}

	/** A dependant link, with the member's person (for the member's death) and the member's own periods. */
	public record Link(Dependant dependant, Member member, Person memberPerson, List<Period> memberPeriods) {
	}
}
