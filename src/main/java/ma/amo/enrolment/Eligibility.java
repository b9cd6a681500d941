package ma.amo.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ma.amo.enrolment.rights.CoverFile;
import ma.amo.enrolment.rights.CoverFiles;
import ma.amo.enrolment.rights.RightsEngine;
import ma.amo.parameters.Parameters;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.Viewer;
import ma.amo.shared.NotFound;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Says whether a person's rights are open on a date, and why: the facade every module asks before paying for care.
 */
@Service
public class Eligibility {

	/** The people whose cover may read differently since {@code :since}, and the dependants of the members among them. */
	private static final String CHANGED_SINCE = """
			with changed as (
			  select idcs from person where changed_at > :since
			  union select idcs from member where changed_at > :since
			  union select idcs from dependant where changed_at > :since
			  union select m.idcs from member m join enrolment e on e.member_id = m.id where e.changed_at > :since
			  union select m.idcs from member m join enrolment e on e.member_id = m.id
			    join rights_suspension s on s.enrolment_id = e.id where s.changed_at > :since
			  union select s.idcs from rights_segment s join rights_event v on v.id = s.event_id where v.recorded_at > :since)
			select idcs from changed
			union select d.idcs from dependant d join member m on m.id = d.member_id where m.idcs in (select idcs from changed)""";

	private final JdbcClient jdbc;
	private final CoverFiles files;
	private final RightsEngine engine;
	private final PopulationRegister register;
	private final MemberEnrolment enrolment;

	Eligibility(JdbcClient jdbc, CoverFiles files, Parameters parameters, PopulationRegister register, MemberEnrolment enrolment) {
		this.jdbc = jdbc;
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

	/**
	 * The rights of many persons, each on its own date, their cover files read in one query (the claims adjudicated
	 * together): for each, what {@link #of} answers, or null where {@link #of} refuses an IDCS that is not well formed
	 * or not in the register. The member's scope is checked as {@link #of} checks it.
	 */
	public List<Rights> of(List<String> idcs, List<LocalDate> dates) {
		if (idcs.size() != dates.size()) {
			throw new IllegalArgumentException("one date per person");
		}
		List<String> wellFormed = idcs.stream().filter(i -> i != null && register.idcsCheckDigit().problem(i) == null)
			.toList();
		Map<String, CoverFile> loaded = files.loadAll(wellFormed);
		List<Rights> answers = new ArrayList<>(idcs.size());
		for (int i = 0; i < idcs.size(); i++) {
			CoverFile file = idcs.get(i) == null ? null : loaded.get(idcs.get(i));
			Rights rights = file == null ? null : engine.decide(file, dates.get(i));
			if (rights != null) {
				Viewer.current().filter(viewer -> viewer.role() == Viewer.Role.MEMBER).ifPresent(viewer -> Viewer.require(
						viewer.idcs().equals(rights.idcs()) || viewer.idcs().equals(rights.memberIdcs()),
						"a member sees the rights of their own family only"));
			}
			answers.add(rights);
		}
		return answers;
	}

	/**
	 * Streams the rights on {@code date} of each person who is or was a member or a dependant, in IDCS order: all of
	 * them when {@code since} is null, else those whose cover may read differently since that instant (their person
	 * record, member record, regime periods, suspensions or dependant links changed, or an event recomputed their
	 * rights; the dependants of a member who changed with them). One cursor of the caller's transaction lists the
	 * people and each person's cover file is read as {@link #of} reads it, so memory stays flat. For the platform's
	 * feeds: no member scoping here, the caller's access rule decides who may ask.
	 */
	public void coversChanged(Instant since, LocalDate date, Consumer<Rights> each) {
		coversChanged(since, date, List.of(), each);
	}

	/** As {@link #coversChanged(Instant, LocalDate, Consumer)}, of the persons {@code only} names (all when empty). */
	public void coversChanged(Instant since, LocalDate date, List<String> only, Consumer<Rights> each) {
		String people = since == null ? "select idcs from member union select idcs from dependant" : CHANGED_SINCE;
		jdbc.sql("select idcs from (" + people + ") p" + (only.isEmpty() ? "" : " where idcs = any(:only)")
				+ " order by idcs")
			.params(since == null ? Map.of() : Map.of("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
			.params(only.isEmpty() ? Map.of() : Map.of("only", only.toArray(String[]::new)))
			.withFetchSize(1_000)
			.query((RowCallbackHandler) rs -> files.load(rs.getString(1)).map(file -> engine.decide(file, date))
				.ifPresent(each));
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
