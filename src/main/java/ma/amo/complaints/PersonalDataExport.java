package ma.amo.complaints;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import ma.amo.claims.ClaimsOfPerson;
import ma.amo.contributions.ContributionCalls;
import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.RightsEvents;
import ma.amo.enrolment.Suspension;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.population.RsuScore;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers an access request under loi 09-08 (art. 7, right of access): everything the platform holds on the person,
 * read through each module's facade in one read-only transaction so that the parts agree with each other. Internal
 * notes of agents are left out, like in the complainant's view of their complaints.
 */
@Service
public class PersonalDataExport {

	static final String LEGAL_BASIS = "Loi 09-08 relative à la protection des personnes physiques à l'égard du "
			+ "traitement des données à caractère personnel, article 7 (droit d'accès)";

	private final ComplaintHandling complaints;
	private final PopulationRegister register;
	private final MemberEnrolment enrolment;
	private final RightsEvents rights;
	private final ContributionCalls contributions;
	private final ClaimsOfPerson claims;
	private final Clock clock;

	PersonalDataExport(ComplaintHandling complaints, PopulationRegister register, MemberEnrolment enrolment,
			RightsEvents rights, ContributionCalls contributions, ClaimsOfPerson claims, Clock clock) {
		this.complaints = complaints;
		this.register = register;
		this.enrolment = enrolment;
		this.rights = rights;
		this.contributions = contributions;
		this.claims = claims;
		this.clock = clock;
	}

	/** What the platform holds on the person, as of the day it is produced. */
	public record Export(long requestId, LocalDate producedOn, String legalBasis, Person person,
			List<RsuScore> socialRegisterScores, List<Membership> memberships, List<Dependant> dependantOf,
			List<RightsEvents.Change> rightsHistory, List<ClaimsOfPerson.PatientClaim> claims,
			List<ComplainantView> complaints) {
	}

	/**
	 * A registration as a member: the regime periods and their suspensions, the dependants, the salaried lines
	 * declared by employers and the contributions called from the member.
	 */
	public record Membership(Member member, List<Period> enrolments, List<Dependant> dependants,
			List<ContributionCalls.DeclaredLine> declaredSalaries, List<ContributionCalls.Call> contributionCalls) {
	}

	public record Period(Enrolment enrolment, List<Suspension> suspensions) {
	}

	/** The export for an access request; refused for any other complaint. */
	@Transactional(readOnly = true)
	public Export forRequest(long complaintId) {
		Complaint request = complaints.complaint(complaintId);
		if (request.category() != Category.DATA_PROTECTION_ACCESS) {
			throw new RuleBroken("category", "access-request", "complaint " + complaintId + " is " + request.category()
					+ ": the export answers a DATA_PROTECTION_ACCESS request");
		}
		String idcs = request.complainant().id();
		Person person = register.person(idcs)
			.orElseThrow(() -> new NotFound("idcs", "no person with IDCS " + idcs + " in the population register"));
		List<Membership> memberships = enrolment.membershipsOfPerson(idcs).stream()
			.map(m -> new Membership(m,
					enrolment.enrolmentsOf(m).stream().map(e -> new Period(e, enrolment.suspensionsOf(e.id()))).toList(),
					enrolment.dependantsOf(m), contributions.declaredFor(m.id()),
					contributions.ofPayer(ContributionCalls.PayerKind.MEMBER, m.registrationNumber())))
			.toList();
		return new Export(complaintId, LocalDate.now(clock), LEGAL_BASIS, person, register.scoreHistory(idcs),
				memberships, enrolment.dependantLinksOfPerson(idcs), rights.history(idcs), claims.of(idcs),
				complaints.ofComplainant(request.complainant()));
	}
}
