package ma.amo.enrolment.rights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.PayerBody;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.Suspension;
import ma.amo.population.Person;
import ma.amo.population.Sex;
import ma.amo.shared.IsoDate;
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

	/** Kept in a file of its own so that the benchmark measures the database's ceiling on the very same text. */
	private static final String QUERY = sql("cover-file.sql");

	/**
	 * The same query for many persons at once (the claims of a chunk): the asked IDCS come from an array and the
	 * dependant links of any of them are read. Derived from the one text so that the two cannot drift apart.
	 */
	private static final String QUERY_MANY = many(QUERY);

	static String many(String query) {
		String one = "select ?::text as idcs";
		String link = "d.idcs = (select idcs from q)";
		if (!query.contains(one) || !query.contains(link)) {
			throw new IllegalStateException("cover-file.sql no longer reads one IDCS as " + one + " and " + link);
		}
		return query.replace(one, "select distinct unnest(?::text[]) as idcs").replace(link, "d.idcs in (select idcs from q)");
	}

	private final JdbcClient jdbc;

	/** The statement of a resource file, without its comment lines. */
	private static String sql(String name) {
		try (InputStream in = CoverFiles.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("the query " + name + " is missing from the build");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.startsWith("--"))
				.collect(Collectors.joining("\n"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public CoverFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CoverFile> load(String idcs) {
		Rows rows = new Rows();
		jdbc.sql(QUERY).param(idcs).query(rows::add);
		Person person = rows.persons.get(idcs);
		return person == null ? Optional.empty() : Optional.of(rows.file(person));
	}

	/**
	 * The cover files of these persons, read in one round trip, by IDCS: each the one {@link #load} reads. A person
	 * not in the register has none.
	 */
	public Map<String, CoverFile> loadAll(java.util.Collection<String> idcs) {
		String[] asked = idcs.stream().filter(java.util.Objects::nonNull).distinct().toArray(String[]::new);
		Map<String, CoverFile> files = new HashMap<>();
		if (asked.length == 0) {
			return files;
		}
		Rows rows = new Rows();
		jdbc.sql(QUERY_MANY).param(asked).query(rows::add);
		for (String one : asked) {
			Person person = rows.persons.get(one);
			if (person != null) {
				files.put(one, rows.file(person));
			}
		}
		return files;
	}

	/** The tagged rows of one query, assembled into a cover file, or into the files of many persons. */
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
							registration[0], IsoDate.parse(registration[1])));
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

		private Map<String, List<CoverFile.Period>> periods;

		/** The person's file: their own periods, and their links as a dependant (rows of others' files left out). */
		CoverFile file(Person person) {
			if (periods == null) {
				periods = new HashMap<>();
				for (Enrolment enrolment : enrolments) {
					Member member = members.get(enrolment.memberId());
					periods.computeIfAbsent(member.idcs(), k -> new ArrayList<>()).add(new CoverFile.Period(member,
							enrolment, suspensions.getOrDefault(enrolment.id(), List.of()),
							CoverFile.PaidDays.inMonthOrder(days.getOrDefault(member.id(), List.of()))));
				}
			}
			List<CoverFile.Link> fileLinks = new ArrayList<>(links.size());
			for (Dependant link : links) {
				if (!link.idcs().equals(person.idcs())) {
					continue;
				}
				Member member = linkMembers.get(link.memberId());
				fileLinks.add(new CoverFile.Link(link, member, persons.get(member.idcs()),
						periods.getOrDefault(member.idcs(), List.of())));
			}
			return new CoverFile(person, periods.getOrDefault(person.idcs(), List.of()), fileLinks);
		}

		private static LocalDate date(ResultSet rs, int column) throws SQLException {
			return IsoDate.parse(rs.getString(column));
		}
	}
}
