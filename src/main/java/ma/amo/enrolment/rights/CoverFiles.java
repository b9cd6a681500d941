package ma.amo.enrolment.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.PayerBody;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.Suspension;
import ma.amo.population.Person;
import ma.amo.population.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads a person's cover file in one round trip whatever their history: the person and the members they depend on,
 * the dependant links, every regime period of those people, their suspensions and paid working days come back as tagged
 * rows of one query. Eligibility is the hottest path of the platform: one query per request instead of five halves
 * the database's share of each request.
 */
@Repository
public class CoverFiles {

	private static final String QUERY = """
			with q as (select ?::text as idcs),
			l as (select d.id, d.member_id, d.idcs, d.relation, d.start_date, d.end_date, d.end_reason, d.student_until,
			        d.disabled, m.idcs as member_idcs, m.payer_body, m.registration_number, m.registered_on
			      from dependant d join member m on m.id = d.member_id where d.idcs = (select idcs from q)),
			people as (select idcs from q union select member_idcs from l),
			e as (select m.id as member_id, m.idcs, m.payer_body, m.registration_number, m.registered_on, e.id,
			        e.regime, e.start_date, e.end_date, e.end_reason, e.waiting_waived
			      from member m join enrolment e on e.member_id = m.id where m.idcs in (select idcs from people))
			select 'P', idcs, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date::text, sex, commune,
			  province, region, death_date::text
			  from person where idcs in (select idcs from people)
			union all
			select 'L', id::text, member_id::text, idcs, relation, start_date::text, end_date::text, end_reason,
			  student_until::text, disabled::text, member_idcs, payer_body, registration_number || ' ' || registered_on
			  from l
			union all
			select 'E', member_id::text, idcs, payer_body, registration_number, registered_on::text, id::text, regime,
			  start_date::text, end_date::text, end_reason, waiting_waived::text, null
			  from e
			union all
			select 'S', id::text, enrolment_id::text, start_date::text, end_date::text, reason, null, null, null, null,
			  null, null, null
			  from rights_suspension where enrolment_id in (select id from e)
			union all
			select 'D', member_id::text, month::text, days::text, paid_on::text, null, null, null, null, null, null, null,
			  null
			  from paid_days where member_id in (select member_id from e)
			""";

	private final JdbcClient jdbc;

	public CoverFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CoverFile> load(String idcs) {
		Rows rows = new Rows();
		jdbc.sql(QUERY).param(idcs).query(rows::add);
		Person person = rows.persons.get(idcs);
		return person == null ? Optional.empty() : Optional.of(rows.file(person));
	}

	/** The tagged rows of one query, assembled into a cover file. */
	private static final class Rows {

		private final Map<String, Person> persons = new HashMap<>();
		private final List<Dependant> links = new ArrayList<>();
		private final Map<Long, Member> linkMembers = new HashMap<>();
		private final List<Enrolment> enrolments = new ArrayList<>();
		private final Map<Long, Member> members = new HashMap<>();
		private final Map<Long, List<Suspension>> suspensions = new HashMap<>();
		private final Map<Long, List<CoverFile.PaidDays>> days = new HashMap<>();

		void add(ResultSet rs) throws SQLException {
			switch (rs.getString(1)) {
				case "P" -> persons.put(rs.getString(2), new Person(rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), date(rs, 8), Sex.valueOf(rs.getString(9)),
						rs.getString(10), rs.getString(11), rs.getString(12), date(rs, 13)));
				case "L" -> {
					long memberId = Long.parseLong(rs.getString(3));
					String reason = rs.getString(8);
					links.add(new Dependant(Long.parseLong(rs.getString(2)), memberId, rs.getString(4),
							Dependant.Relation.valueOf(rs.getString(5)), date(rs, 6), date(rs, 7),
							reason == null ? null : Dependant.EndReason.valueOf(reason), date(rs, 9),
							"true".equals(rs.getString(10))));
					String[] registration = rs.getString(13).split(" ");
					linkMembers.put(memberId, new Member(memberId, rs.getString(11), PayerBody.valueOf(rs.getString(12)),
							registration[0], LocalDate.parse(registration[1])));
				}
				case "E" -> {
					long memberId = Long.parseLong(rs.getString(2));
					members.computeIfAbsent(memberId, id -> {
						try {
							return new Member(id, rs.getString(3), PayerBody.valueOf(rs.getString(4)), rs.getString(5),
									date(rs, 6));
						}
						catch (SQLException e) {
							throw new IllegalStateException(e);
						}
					});
					String reason = rs.getString(11);
					enrolments.add(new Enrolment(Long.parseLong(rs.getString(7)), memberId, Regime.valueOf(rs.getString(8)),
							date(rs, 9), date(rs, 10), reason == null ? null : Enrolment.EndReason.valueOf(reason),
							"true".equals(rs.getString(12))));
				}
				case "S" -> {
					long enrolmentId = Long.parseLong(rs.getString(3));
					suspensions.computeIfAbsent(enrolmentId, k -> new ArrayList<>()).add(new Suspension(
							Long.parseLong(rs.getString(2)), enrolmentId, date(rs, 4), date(rs, 5), rs.getString(6)));
				}
				case "D" -> days.computeIfAbsent(Long.parseLong(rs.getString(2)), k -> new ArrayList<>())
					.add(new CoverFile.PaidDays(date(rs, 3), Integer.parseInt(rs.getString(4)), date(rs, 5)));
				default -> throw new IllegalStateException("unknown row kind " + rs.getString(1));
			}
		}

		CoverFile file(Person person) {
			Map<String, List<CoverFile.Period>> periods = new HashMap<>();
			for (Enrolment enrolment : enrolments) {
				Member member = members.get(enrolment.memberId());
				periods.computeIfAbsent(member.idcs(), k -> new ArrayList<>()).add(new CoverFile.Period(member, enrolment,
						suspensions.getOrDefault(enrolment.id(), List.of()),
						CoverFile.PaidDays.inMonthOrder(days.getOrDefault(member.id(), List.of()))));
			}
			List<CoverFile.Link> fileLinks = new ArrayList<>(links.size());
			for (Dependant link : links) {
				Member member = linkMembers.get(link.memberId());
				fileLinks.add(new CoverFile.Link(link, member, persons.get(member.idcs()),
						periods.getOrDefault(member.idcs(), List.of())));
			}
			return new CoverFile(person, periods.getOrDefault(person.idcs(), List.of()), fileLinks);
		}

		private static LocalDate date(ResultSet rs, int column) throws SQLException {
			String value = rs.getString(column);
			return value == null ? null : LocalDate.parse(value);
		}
	}
}
