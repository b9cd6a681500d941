package ma.amo.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public holidays of each year, stored the first time a year is asked for: the fixed ones as the law sets them,
 * the religious ones as proposed by {@link HolidayProposals}, which an administrator confirms, or moves to the day the
 * Ministry of Habous announced after the moon sighting. The days off of a year are kept in memory, and forgotten when
 * a holiday of that year changes.
 */
@Service
public class PublicHolidays {

	/** Years the calendar serves: the AMO's start to well beyond any legal delay. */
	static final int FIRST_YEAR = 2005;
	static final int LAST_YEAR = 2100;

	private static final String SELECT = """
			select id, year, code, name, first_day, days, kind, status, proposed_day, decided_by, decided_at
			from public_holiday""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Map<Integer, Set<LocalDate>> daysOff = new ConcurrentHashMap<>();

	PublicHolidays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The holidays whose first day falls in {@code year}, proposing them when the year is asked for the first time. */
	public List<Holiday> ofYear(int year) {
		checkYear(year);
		propose(year);
		return jdbc.sql(SELECT + " where year = ? order by first_day, id").param(year).query(PublicHolidays::holiday).list();
	}

	/** Confirms a religious holiday on the day proposed (or as last moved), in the name of the administrator. */
	@Transactional
	public Holiday confirm(long id) {
		Holiday holiday = religious(id);
		jdbc.sql("update public_holiday set status = 'CONFIRMED', decided_by = ?, decided_at = ? where id = ?")
			.params(actor(), Timestamp.from(clock.instant()), id).update();
		forget(holiday);
		return holiday(id);
	}

	/** Moves a religious holiday to the day announced after the moon sighting, and confirms it there. */
	@Transactional
	public Holiday move(long id, LocalDate firstDay) {
		if (firstDay == null) {
			throw new InvalidInput("firstDay", "required", "is required");
		}
		Holiday holiday = religious(id);
		if (Math.abs(firstDay.toEpochDay() - holiday.proposedDay().toEpochDay()) > 3) {
			throw new InvalidInput("firstDay", "near-proposal", "a moon sighting moves a feast by a day or two: "
					+ firstDay + " is too far from the proposed " + holiday.proposedDay());
		}
		jdbc.sql("update public_holiday set first_day = ?, status = 'CONFIRMED', decided_by = ?, decided_at = ? where id = ?")
			.params(firstDay, actor(), Timestamp.from(clock.instant()), id).update();
		forget(holiday);
		return holiday(id);
	}

	/** The days off (holidays, not weekends) of {@code year}. */
	Set<LocalDate> daysOff(int year) {
		checkYear(year);
		return daysOff.computeIfAbsent(year, y -> {
			// A holiday of the previous or next year may have been moved across the new year.
			Set<LocalDate> days = new HashSet<>();
			for (int around = Math.max(FIRST_YEAR, y - 1); around <= Math.min(LAST_YEAR, y + 1); around++) {
				propose(around);
			}
			jdbc.sql("select first_day, days from public_holiday where first_day between ? and ?")
				.params(LocalDate.of(y - 1, 12, 25), LocalDate.of(y, 12, 31))
				.query((rs, n) -> {
					LocalDate first = rs.getObject(1, LocalDate.class);
					for (int i = 0; i < rs.getInt(2); i++) {
						if (first.plusDays(i).getYear() == y) {
							days.add(first.plusDays(i));
						}
					}
					return null;
				})
				.list();
			return Set.copyOf(days);
		});
	}

	private void propose(int year) {
		for (HolidayProposals.Proposal p : HolidayProposals.of(year)) {
			boolean fixed = p.kind() == Holiday.Kind.FIXED;
			jdbc.sql("""
					insert into public_holiday (year, code, name, first_day, days, kind, status, proposed_day)
					values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (year, code, proposed_day) do nothing""")
				.params(year, p.code(), p.name(), p.firstDay(), p.days(), p.kind().name(), fixed ? "FIXED" : "PROPOSED",
						p.firstDay())
				.update();
		}
	}

	private Holiday religious(long id) {
		Holiday holiday = jdbc.sql(SELECT + " where id = ? for update").param(id).query(PublicHolidays::holiday).optional()
			.orElseThrow(() -> new NotFound("id", "no public holiday " + id));
		if (holiday.kind() == Holiday.Kind.FIXED) {
			throw new RuleBroken("id", "religious-only", holiday.name() + " is fixed by law: only a religious holiday "
					+ "is confirmed or moved");
		}
		return holiday;
	}

	private Holiday holiday(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(PublicHolidays::holiday).single();
	}

	private void forget(Holiday holiday) {
		daysOff.remove(holiday.year() - 1);
		daysOff.remove(holiday.year());
		daysOff.remove(holiday.year() + 1);
	}

	private static String actor() {
		return Viewer.current().map(Viewer::name).orElse("platform");
	}

	private static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInput("year", "range", "the calendar covers " + FIRST_YEAR + " to " + LAST_YEAR);
		}
	}

	private static Holiday holiday(ResultSet rs, int n) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp(11);
		return new Holiday(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
				rs.getInt(6), Holiday.Kind.valueOf(rs.getString(7)), Holiday.Status.valueOf(rs.getString(8)),
				rs.getObject(9, LocalDate.class), rs.getString(10), decidedAt == null ? null : decidedAt.toInstant());
	}
}
