package ma.amo.enrolment.rights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.PayerBody;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.Suspension;
import ma.amo.population.Person;
import ma.amo.population.PopulationRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads a person's cover file in four queries whatever their history: links, persons, regime periods, then
 * suspensions and declared days together. Eligibility is a hot path, so nothing here is loaded lazily.
 */
@Repository
public class CoverFiles {

	private final JdbcClient jdbc;
	private final PopulationRegister register;

	public CoverFiles(JdbcClient jdbc, PopulationRegister register) {
		this.jdbc = jdbc;
		this.register = register;
	}

	public Optional<CoverFile> load(String idcs) {
		List<LinkRow> links = jdbc.sql("""
				select d.id, d.member_id, d.idcs, d.relation, d.start_date, d.end_date, d.end_reason, d.student_until,
				  d.disabled, m.idcs, m.payer_body, m.registration_number, m.registered_on
				from dependant d join member m on m.id = d.member_id where d.idcs = ?""")
			.param(idcs)
			.query((rs, n) -> new LinkRow(
					new Dependant(rs.getLong(1), rs.getLong(2), rs.getString(3),
							Dependant.Relation.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
							rs.getObject(6, LocalDate.class), endReason(rs.getString(7)),
							rs.getObject(8, LocalDate.class), rs.getBoolean(9)),
					new Member(rs.getLong(2), rs.getString(10), PayerBody.valueOf(rs.getString(11)), rs.getString(12),
							rs.getObject(13, LocalDate.class))))
			.list();
		Set<String> people = new LinkedHashSet<>();
		people.add(idcs);
		links.forEach(l -> people.add(l.member().idcs()));
		Map<String, Person> persons = new HashMap<>();
		if (people.size() == 1) {
			register.person(idcs).ifPresent(p -> persons.put(p.idcs(), p));
		}
		else {
			register.persons(people).forEach(p -> persons.put(p.idcs(), p));
		}
		Person person = persons.get(idcs);
		if (person == null) {
			return Optional.empty();
		}
		Map<String, List<CoverFile.Period>> periods = periods(people);
		List<CoverFile.Link> fileLinks = new ArrayList<>(links.size());
		for (LinkRow link : links) {
			fileLinks.add(new CoverFile.Link(link.dependant(), link.member(), persons.get(link.member().idcs()),
					periods.getOrDefault(link.member().idcs(), List.of())));
		}
		return Optional.of(new CoverFile(person, periods.getOrDefault(idcs, List.of()), fileLinks));
	}

	private Map<String, List<CoverFile.Period>> periods(Set<String> people) {
		record Row(Member member, Enrolment enrolment) {
		}
		List<Row> rows = jdbc.sql("""
				select m.id, m.idcs, m.payer_body, m.registration_number, m.registered_on, e.id, e.regime, e.start_date,
				  e.end_date, e.end_reason, e.waiting_waived
				from member m join enrolment e on e.member_id = m.id where m.idcs = any(?)""")
			.param(people.toArray(String[]::new))
			.query((rs, n) -> new Row(
					new Member(rs.getLong(1), rs.getString(2), PayerBody.valueOf(rs.getString(3)), rs.getString(4),
							rs.getObject(5, LocalDate.class)),
					new Enrolment(rs.getLong(6), rs.getLong(1), Regime.valueOf(rs.getString(7)),
							rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
							rs.getString(10) == null ? null : Enrolment.EndReason.valueOf(rs.getString(10)),
							rs.getBoolean(11))))
			.list();
		if (rows.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<Suspension>> suspensions = new HashMap<>();
		Map<Long, TreeMap<LocalDate, Integer>> days = new HashMap<>();
		jdbc.sql("""
				select 0, id, enrolment_id, start_date, end_date, reason, 0 from rights_suspension where enrolment_id = any(?)
				union all
				select 1, 0, member_id, month, null, null, days from declared_days where member_id = any(?)""")
			.param(rows.stream().map(r -> r.enrolment().id()).toArray(Long[]::new))
			.param(rows.stream().map(r -> r.member().id()).distinct().toArray(Long[]::new))
			.query(rs -> {
				long owner = rs.getLong(3);
				if (rs.getInt(1) == 0) {
					suspensions.computeIfAbsent(owner, k -> new ArrayList<>())
						.add(new Suspension(rs.getLong(2), owner, rs.getObject(4, LocalDate.class),
								rs.getObject(5, LocalDate.class), rs.getString(6)));
				}
				else {
					days.computeIfAbsent(owner, k -> new TreeMap<>()).put(rs.getObject(4, LocalDate.class), rs.getInt(7));
				}
			});
		Map<String, List<CoverFile.Period>> periods = new HashMap<>();
		for (Row row : rows) {
			periods.computeIfAbsent(row.member().idcs(), k -> new ArrayList<>())
				.add(new CoverFile.Period(row.member(), row.enrolment(),
						suspensions.getOrDefault(row.enrolment().id(), List.of()),
						days.getOrDefault(row.member().id(), new TreeMap<>())));
		}
		return periods;
	}

	private static Dependant.EndReason endReason(String value) {
		return value == null ? null : Dependant.EndReason.valueOf(value);
	}

	private record LinkRow(Dependant dependant, Member member) {
	}

}
