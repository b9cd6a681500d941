package ma.amo.web.agents;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import ma.amo.enrolment.Eligibility;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.RegistrationNumber;
import ma.amo.enrolment.Rights;
import ma.amo.population.Cin;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Finds persons from what an agent types: an IDCS (10 digits), a registration number (11 digits with its key), a CIN
 * (1 or 2 letters then up to 6 digits) or the start of a family name. Only the persons the agent's scope covers are
 * answered: a member or dependant of another payer body (or region) is left out, as the REST API refuses them.
 */
@Component
class PersonSearch {

	/** At most this many names are listed: a longer list means the agent should type more. */
	static final int NAMES = 20;
	static final int MAX_LENGTH = 60;
	private static final Pattern IDCS = Pattern.compile("\\d{10}");
	private static final Pattern REGISTRATION = Pattern.compile("\\d{11}");
	private static final Pattern CIN = Pattern.compile("[A-Za-z]{1,2}\\d{1,6}");
	/** Letters of any script, spaces, hyphens and apostrophes: what a family name is made of. */
	private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} '\\-]{1,59}");

	private final PopulationRegister register;
	private final MemberEnrolment enrolment;
	private final Eligibility eligibility;

	PersonSearch(PopulationRegister register, MemberEnrolment enrolment, Eligibility eligibility) {
		this.register = register;
		this.enrolment = enrolment;
		this.eligibility = eligibility;
	}

	/** The persons found, in the agent's scope; refused (field {@code q}) when the text is none of the four. */
	List<Person> find(String typed, java.time.LocalDate today) {
		String q = typed == null ? "" : typed.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		if (q.length() > MAX_LENGTH) {
			throw new InvalidInput("q", "max-length", "at most " + MAX_LENGTH + " characters");
		}
		List<Person> found;
		if (IDCS.matcher(q).matches()) {
			found = register.person(q).stream().toList();
		}
		else if (REGISTRATION.matcher(q).matches()) {
			found = RegistrationNumber.problem(q) != null ? List.of() : member(q);
		}
		else if (CIN.matcher(q).matches() && Cin.problem(Cin.normalise(q)) == null) {
			found = register.personByCin(q).stream().toList();
		}
		else if (NAME.matcher(q).matches()) {
			found = register.persons(null, q, 0, NAMES).content();
		}
		else {
			throw new InvalidInput("q", "search-text", "an IDCS, a CIN, a registration number or a name");
		}
		return found.stream().filter(p -> inScope(p.idcs(), today)).toList();
	}

	private List<Person> member(String registrationNumber) {
		try {
			return register.person(enrolment.member(registrationNumber).idcs()).stream().toList();
		}
		catch (NotFound | AccessRefused outside) {
			return List.of();
		}
	}

	/**
	 * Whether the agent may read the person's file: their own memberships must be in scope, and so must the member
	 * they are covered through as a dependant. A person of the register never covered is open to the members' desk,
	 * as the register's API is.
	 */
	boolean inScope(String idcs, java.time.LocalDate today) {
		try {
			enrolment.memberships(idcs);
			Optional<Rights> rights = rights(idcs, today);
			String member = rights.map(Rights::memberIdcs).orElse(null);
			if (member != null && !member.equals(idcs)) {
				enrolment.memberships(member);
			}
			return true;
		}
		catch (AccessRefused outside) {
			return false;
		}
	}

	Optional<Rights> rights(String idcs, java.time.LocalDate today) {
		try {
			return Optional.of(eligibility.of(idcs, today));
		}
		catch (NotFound | InvalidInput none) {
			return Optional.empty();
		}
	}
}
