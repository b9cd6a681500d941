package ma.amo.enrolment;

import java.time.LocalDate;

import ma.amo.enrolment.rights.CoverFiles;
import ma.amo.enrolment.rights.RightsEngine;
import ma.amo.parameters.Parameters;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.Viewer;
import ma.amo.shared.NotFound;
import org.springframework.stereotype.Service;

/**
 * Says whether a person's rights are open on a date, and why: the facade every module asks before paying for care.
 */
@Service
public class Eligibility {

	private final CoverFiles files;
	private final RightsEngine engine;
	private final PopulationRegister register;
	private final MemberEnrolment enrolment;

	Eligibility(CoverFiles files, Parameters parameters, PopulationRegister register, MemberEnrolment enrolment) {
		this.files = files;
		this.engine = new RightsEngine(parameters);
		this.register = register;
		this.enrolment = enrolment;
	}

	/** The person's rights on the date; a member may ask for themselves and the family they cover only. */
	public Rights of(String idcs, LocalDate date) {
		register.checkIdcs("idcs", idcs);
		Rights rights = files.load(idcs).map(file -> engine.decide(file, date))
			.orElseThrow(() -> new NotFound("idcs", "no person with IDCS " + idcs + " in the population register"));
		Viewer.current().filter(viewer -> viewer.role() == Viewer.Role.MEMBER).ifPresent(viewer -> Viewer.require(
				viewer.idcs().equals(rights.idcs()) || viewer.idcs().equals(rights.memberIdcs()),
				"a member sees the rights of their own family only"));
		return rights;
	}

	public Rights ofCin(String cin, LocalDate date) {
		Person person = register.personByCin(cin)
			.orElseThrow(() -> new NotFound("cin", "no person with CIN " + cin + " in the population register"));
		return of(person.idcs(), date);
	}

	/** The rights of the member who holds the registration number (not of their dependants). */
	public Rights ofRegistrationNumber(String registrationNumber, LocalDate date) {
		return of(enrolment.member(registrationNumber).idcs(), date);
	}
}
