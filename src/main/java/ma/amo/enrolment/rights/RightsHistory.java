package ma.amo.enrolment.rights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.PayerBody;
import ma.amo.enrolment.Regime;
import ma.amo.enrolment.Rights;
import ma.amo.enrolment.RightsStatus;
import ma.amo.enrolment.Suspension;
import ma.amo.parameters.ParameterValues;
import ma.amo.population.Person;
import ma.amo.population.Sex;
import ma.amo.shared.CopyText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps each person's rights as a member as a sequence of segments, each with the event that produced it. After an
 * event (a payment, a missed instalment, an enrolment), the rights engine is run again from the event's first
 * affected day on the days where an answer can change (the first of each month, the dates of the file), and only the
 * segments that differ from what was known take the event: a late payment that reopens rights in March shows as
 * "reopened by payment n° …", while the segments before it keep the events that made them.
 */
@Repository
public class RightsHistory {

	/** Members per round of loading and writing: bounds memory whatever the size of the event. */
	private static final int CHUNK = 2_000;

	/** How far ahead segments are computed: far enough to show waiting periods and kept rights ending. */
	private static final int MONTHS_AHEAD = 13;

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final RightsEngine engine;

	RightsHistory(JdbcClient jdbc, DataSource dataSource, ParameterValues parameters) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.engine = new RightsEngine(parameters);
	}

	/** A segment of a person's rights as a member, with the event that produced it. */
	public record Segment(LocalDate validFrom, RightsStatus status, String rule, String reason, long eventId) {
	}

	/** From {@code from}, a person's rights were {@code before} and are now {@code after}. */
	public record StatusChange(String idcs, LocalDate from, RightsStatus before, RightsStatus after) {
	}

	/**
	 * Recomputes, within the caller's transaction, the rights from {@code from} of the people holding the members,
	 * tells {@code changes} each day from which a person's status differs from what was known (a person's changes
	 * together), and returns how many segments took the event (0 when nothing changed).
	 */
	public int recompute(long eventId, Collection<Long> memberIds, LocalDate from, LocalDate today,
			Consumer<StatusChange> changes) {
		List<String> people = jdbc.sql("select distinct idcs from member where id = any(?)")
			.param(memberIds.stream().mapToLong(Long::longValue).toArray()).query(String.class).list();
		int changed = 0;
		for (int i = 0; i < people.size(); i += CHUNK) {
			changed += recomputePeople(eventId, people.subList(i, Math.min(people.size(), i + CHUNK)), from, today,
					changes);
		}
		return changed;
	}

	private int recomputePeople(long eventId, List<String> people, LocalDate from, LocalDate today,
			Consumer<StatusChange> changes) {
		String[] idcs = people.toArray(String[]::new);
		Map<String, Person> persons = new HashMap<>();
		jdbc.sql("select idcs, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date, sex, commune, province, region, death_date from person where idcs = any(?)")
			.param(idcs).query((ResultSet rs) -> {
				persons.put(rs.getString(1), new Person(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
						Sex.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
						rs.getObject(12, LocalDate.class)));
			});
		Map<Long, List<Suspension>> suspensions = new HashMap<>();
		jdbc.sql("""
				select s.id, s.enrolment_id, s.start_date, s.end_date, s.reason from rights_suspension s
				join enrolment e on e.id = s.enrolment_id join member m on m.id = e.member_id where m.idcs = any(?)""")
			.param(idcs).query((ResultSet rs) -> {
				suspensions.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Suspension(rs.getLong(1),
						rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)));
			});
		Map<Long, List<CoverFile.PaidDays>> paid = new HashMap<>();
		jdbc.sql("select p.member_id, p.month, p.days, p.paid_on from paid_days p join member m on m.id = p.member_id where m.idcs = any(?)")
			.param(idcs).query((ResultSet rs) -> {
				paid.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new CoverFile.PaidDays(
						rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getObject(4, LocalDate.class)));
			});
		Map<String, List<CoverFile.Period>> periods = new HashMap<>();
		jdbc.sql("""
				select m.id, m.idcs, m.payer_body, m.registration_number, m.registered_on, e.id, e.regime, e.start_date,
				  e.end_date, e.end_reason, e.waiting_waived
				from member m join enrolment e on e.member_id = m.id where m.idcs = any(?)""")
			.param(idcs).query((ResultSet rs) -> {
				Member member = new Member(rs.getLong(1), rs.getString(2), PayerBody.valueOf(rs.getString(3)),
						rs.getString(4), rs.getObject(5, LocalDate.class));
				String reason = rs.getString(10);
				Enrolment enrolment = new Enrolment(rs.getLong(6), member.id(), Regime.valueOf(rs.getString(7)),
						rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
						reason == null ? null : Enrolment.EndReason.valueOf(reason), rs.getBoolean(11));
				periods.computeIfAbsent(member.idcs(), k -> new ArrayList<>()).add(new CoverFile.Period(member,
						enrolment, suspensions.getOrDefault(enrolment.id(), List.of()),
						CoverFile.PaidDays.inMonthOrder(paid.getOrDefault(member.id(), List.of()))));
			});
		Map<String, List<Segment>> known = new HashMap<>();
		jdbc.sql("select idcs, valid_from, status, rule, reason, event_id from rights_segment where idcs = any(?) order by idcs, valid_from")
			.param(idcs).query((ResultSet rs) -> {
				known.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(segment(rs));
			});
		// Events dated ahead of today (a portfolio loaded with future starts) still get their months ahead.
		LocalDate until = (from.isAfter(today) ? from : today).plusMonths(MONTHS_AHEAD);
		CopyText rows = new CopyText();
		int changed = 0;
		for (String person : people) {
			List<CoverFile.Period> own = periods.getOrDefault(person, List.of());
			Person subject = persons.get(person);
			if (own.isEmpty() || subject == null) {
				continue;
			}
			LocalDate start = own.stream().map(p -> p.enrolment().startDate()).min(LocalDate::compareTo).orElseThrow();
			List<Segment> before = known.getOrDefault(person, List.of());
			// A person without segments yet gets their whole history, so that every date has an answer.
			LocalDate first = from.isBefore(start) || before.isEmpty() ? start : from;
			Segment carried = before.stream().filter(s -> s.validFrom().isBefore(first)).reduce((a, b) -> b).orElse(null);
			List<Segment> after = new ArrayList<>(before.stream().filter(s -> s.validFrom().isBefore(first)).toList());
			for (Segment segment : timeline(subject, own, first, until, eventId)) {
				if (carried != null && sameAnswer(carried, segment)) {
					continue;
				}
				carried = segment;
				Segment kept = before.stream()
					.filter(s -> s.validFrom().equals(segment.validFrom()) && sameAnswer(s, segment))
					.findFirst().orElse(null);
				if (kept == null) {
					changed++;
				}
				rows.add(person).add(segment.validFrom()).add(segment.status().name()).add(segment.rule())
					.add(segment.reason()).add(kept == null ? eventId : kept.eventId()).end();
				after.add(segment);
			}
			statusChanges(person, before, after, first, changes);
		}
		jdbc.sql("delete from rights_segment where idcs = any(?) and valid_from >= ?").params(idcs, from).update();
		rows.copyInto(dataSource, "rights_segment (idcs, valid_from, status, rule, reason, event_id)");
		return changed;
	}

	/** The person's own rights from {@code from} to {@code until}, one segment per change of status or rule. */
	List<Segment> timeline(Person person, List<CoverFile.Period> periods, LocalDate from, LocalDate until,
			long eventId) {
		TreeSet<LocalDate> days = new TreeSet<>();
		days.add(from);
		for (LocalDate month = from.withDayOfMonth(1).plusMonths(1); !month.isAfter(until); month = month.plusMonths(1)) {
			days.add(month);
		}
		for (CoverFile.Period period : periods) {
			Enrolment enrolment = period.enrolment();
			days.add(enrolment.startDate());
			if (enrolment.regime() == Regime.ACHAMIL) {
				for (int months = 1; months <= 12; months++) {
					days.add(enrolment.startDate().plusMonths(months));
				}
			}
			if (enrolment.endDate() != null) {
				days.add(enrolment.endDate().plusDays(1));
				for (int months = 1; months <= 24; months++) {
					days.add(enrolment.endDate().plusMonths(months).plusDays(1));
				}
			}
			for (Suspension suspension : period.suspensions()) {
				days.add(suspension.startDate());
				if (suspension.endDate() != null) {
					days.add(suspension.endDate().plusDays(1));
				}
			}
			for (CoverFile.PaidDays paid : period.paidDays()) {
				days.add(paid.paidOn());
			}
		}
		if (person.deathDate() != null) {
			days.add(person.deathDate().plusDays(1));
		}
		List<Segment> segments = new ArrayList<>();
		for (LocalDate day : days.subSet(from, true, until, true)) {
			Rights rights = engine.decide(new CoverFile(person, periods, List.of()), day);
			Segment segment = new Segment(day, rights.status(), rights.rule(), rights.reason(), eventId);
			if (segments.isEmpty() || !sameAnswer(segments.getLast(), segment)) {
				segments.add(segment);
			}
		}
		return segments;
	}

	/**
	 * Each day from {@code first} on which the status differs between the known segments and the new ones, where the
	 * difference starts or changes; a day before any segment is a day without rights.
	 */
	private static void statusChanges(String person, List<Segment> before, List<Segment> after, LocalDate first,
			Consumer<StatusChange> changes) {
		TreeSet<LocalDate> days = new TreeSet<>();
		days.add(first);
		before.stream().map(Segment::validFrom).filter(d -> !d.isBefore(first)).forEach(days::add);
		after.stream().map(Segment::validFrom).filter(d -> !d.isBefore(first)).forEach(days::add);
		RightsStatus wasBefore = null;
		RightsStatus wasAfter = null;
		for (LocalDate day : days) {
			RightsStatus old = statusOn(before, day);
			RightsStatus now = statusOn(after, day);
			if (old != now && (old != wasBefore || now != wasAfter)) {
				changes.accept(new StatusChange(person, day, old, now));
			}
			wasBefore = old;
			wasAfter = now;
		}
	}

	private static RightsStatus statusOn(List<Segment> segments, LocalDate day) {
		RightsStatus status = RightsStatus.CLOSED;
		for (Segment segment : segments) {
			if (segment.validFrom().isAfter(day)) {
				break;
			}
			status = segment.status();
		}
		return status;
	}

	private static boolean sameAnswer(Segment a, Segment b) {
		return a.status() == b.status() && a.rule().equals(b.rule());
	}

	/** A segment from a row of {@code idcs, valid_from, status, rule, reason, event_id}. */
	private static Segment segment(ResultSet rs) throws SQLException {
		return new Segment(rs.getObject(2, LocalDate.class), RightsStatus.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getLong(6));
	}
}
