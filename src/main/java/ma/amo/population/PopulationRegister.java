package ma.amo.population;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import ma.amo.shared.SearchFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the population register and the social register: who a person is, and the household score in force on a
 * date.
 */
@Service
public class PopulationRegister {

	private static final String PERSON_COLUMNS = "idcs, cin, last_name, first_name, last_name_ar, first_name_ar, "
			+ "birth_date, sex, commune, province, region, death_date";

	/** Rows a streaming cursor fetches at a time. */
	private static final int STREAMED = 1_000;

	private final JdbcClient jdbc;
	private final PopulationSettings settings;

	PopulationRegister(JdbcClient jdbc, PopulationSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Refuses a malformed IDCS with a 400 naming {@code field}. */
	public void checkIdcs(String field, String idcs) {
		String problem = settings.idcsCheckDigit().problem(idcs);
		if (problem != null) {
			throw new InvalidInput(field, "idcs", problem);
		}
	}

	public IdcsCheckDigit idcsCheckDigit() {
		return settings.idcsCheckDigit();
	}

	public Optional<Person> person(String idcs) {
		return jdbc.sql("select " + PERSON_COLUMNS + " from person where idcs = ?").param(idcs)
			.query(PopulationRegister::person).optional();
	}

	public Optional<Person> personByCin(String cin) {
		String normalised = Cin.normalise(cin);
		String problem = Cin.problem(normalised);
		if (problem != null) {
			throw new InvalidInput("cin", "cin", problem);
		}
		return jdbc.sql("select " + PERSON_COLUMNS + " from person where cin = ?").param(normalised)
			.query(PopulationRegister::person).optional();
	}

	/** The persons of the register among the given IDCS (unknown ones are left out). */
	public List<Person> persons(java.util.Collection<String> idcs) {
		return jdbc.sql("select " + PERSON_COLUMNS + " from person where idcs = any(?)")
			.param(idcs.toArray(String[]::new)).query(PopulationRegister::person).list();
	}

	/** One page of persons in IDCS order, optionally of one region or whose family name starts with a prefix. */
	public PageOf<Person> persons(String region, String lastNamePrefix, int page, int size) {
		SearchFilters filters = new SearchFilters().add("region = :region", "region", region)
			.add("upper(last_name) like upper(:prefix) || '%'", "prefix", lastNamePrefix);
		return filters.page(jdbc, "select " + PERSON_COLUMNS + " from person", "idcs", page, size,
				PopulationRegister::person);
	}

	/**
	 * Streams, in IDCS order, the persons whose record changed after {@code since} (everyone when it is null) and not
	 * after {@code until}, through a cursor of the caller's transaction: memory stays flat whatever the register's
	 * size. The instants are the database's, as the change stamps are.
	 */
	public void changed(Instant since, Instant until, Consumer<Person> each) {
		changed(since, until, List.of(), each);
	}

	/** As {@link #changed(Instant, Instant, Consumer)}, of the persons {@code only} names (everyone when it is empty). */
	public void changed(Instant since, Instant until, List<String> only, Consumer<Person> each) {
		jdbc.sql("select " + PERSON_COLUMNS + " from person where changed_at <= :until"
				+ (since == null ? "" : " and changed_at > :since") + (only.isEmpty() ? "" : " and idcs = any(:only)")
				+ " order by idcs")
			.param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
			.params(since == null ? java.util.Map.of() : java.util.Map.of("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
			.params(only.isEmpty() ? java.util.Map.of() : java.util.Map.of("only", only.toArray(String[]::new)))
			.withFetchSize(STREAMED)
			.query((RowCallbackHandler) rs -> each.accept(person(rs, 0)));
	}

	/** Which of these IDCS the register holds: one query, whatever their number. */
	public java.util.Set<String> known(java.util.Collection<String> idcs) {
		if (idcs.isEmpty()) {
			return java.util.Set.of();
		}
		return java.util.Set.copyOf(jdbc.sql("select idcs from person where idcs = any(?)")
			.param(idcs.toArray(String[]::new)).query(String.class).list());
	}

	/** Whether the register holds nobody yet (first start). */
	public boolean isEmpty() {
		return !jdbc.sql("select exists (select 1 from person)").query(Boolean.class).single();
	}

	/** The person's score in force on {@code date}: the latest score dated on or before it. */
	public Optional<RsuScore> scoreOn(String idcs, LocalDate date) {
		return jdbc.sql("""
				select idcs, household_id, score, score_date from rsu_score
				where idcs = ? and score_date <= ? order by score_date desc limit 1""")
			.param(idcs).param(date)
			.query(PopulationRegister::score).optional();
	}

	/** Every score ever recorded for the person, newest first. */
	public List<RsuScore> scoreHistory(String idcs) {
		return jdbc.sql("select idcs, household_id, score, score_date from rsu_score where idcs = ? order by score_date desc")
			.param(idcs).query(PopulationRegister::score).list();
	}

	/**
	 * The members of a household on {@code date}, each with their score in force then: those whose latest score on
	 * or before the date places them in this household.
	 */
	public List<RsuScore> household(String householdId, LocalDate date) {
		return jdbc.sql("""
				select s.idcs, s.household_id, s.score, s.score_date from rsu_score s
				where s.household_id = :household and s.score_date <= :date
				  and s.score_date = (select max(l.score_date) from rsu_score l where l.idcs = s.idcs and l.score_date <= :date)
				order by s.idcs""")
			.param("household", householdId).param("date", date)
			.query(PopulationRegister::score).list();
	}

	static Person person(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), Sex.valueOf(rs.getString(8)), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class));
	}

	private static RsuScore score(ResultSet rs, int row) throws SQLException {
		return new RsuScore(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class));
	}
}
