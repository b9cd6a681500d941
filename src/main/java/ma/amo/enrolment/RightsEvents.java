package ma.amo.enrolment;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import ma.amo.enrolment.rights.RightsHistory;
import ma.amo.shared.CopyText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How money and other events reach rights (amo-rules.md, "Rights"): the contributions module records an event, credits
 * the working days of paid declarations, opens or lifts suspensions, and the rights of the members touched are
 * recomputed with the event, so that for any person and date the platform says which event opened, suspended or
 * reopened their rights. Everything joins the caller's transaction: an event and its effects commit together, with
 * the {@link RightsChanged} (or {@link RightsChangedInBulk}) that tells the other modules whose rights changed.
 */
@Service
public class RightsEvents {

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final RightsHistory history;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	RightsEvents(JdbcClient jdbc, DataSource dataSource, RightsHistory history, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.history = history;
		this.clock = clock;
		this.events = events;
	}

	/** Something that happened to cover, as agents read it in the history. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "RightsEvent")
	public record Event(long id, String kind, String summary, LocalDate occurredOn, java.time.OffsetDateTime recordedAt) {
	}

	/** Working days of a month declared for a member under a declaration, paid on a date. */
	public record PaidDays(long memberId, LocalDate month, int days, String reference, LocalDate paidOn) {
	}

	/** A segment of a person's rights as a member and the event that produced it. */
	public record Change(LocalDate validFrom, RightsStatus status, String rule, String reason, Event event) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Event record(String kind, String summary, LocalDate occurredOn) {
		return jdbc.sql("insert into rights_event (kind, summary, occurred_on) values (?, ?, ?) returning " + EVENT_COLUMNS)
			.params(kind, summary, occurredOn).query(RightsEvents::event).single();
	}

	/** Credits paid days (replacing a row of the same member, month and reference) and recomputes those members. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int creditPaidDays(Event event, List<PaidDays> days) {
		if (days.isEmpty()) {
			return 0;
		}
		jdbc.sql("create temporary table if not exists paid_days_in (like paid_days) on commit delete rows").update();
		CopyText rows = new CopyText();
		for (PaidDays d : days) {
			rows.add(d.memberId()).add(d.month()).add(d.days()).add(d.reference()).add(d.paidOn()).end();
		}
		rows.copyInto(dataSource, "paid_days_in (member_id, month, days, reference, paid_on)");
		jdbc.sql("""
				insert into paid_days (member_id, month, days, reference, paid_on)
				select member_id, month, days, reference, paid_on from paid_days_in
				on conflict (member_id, month, reference) do update set days = excluded.days, paid_on = excluded.paid_on""")
			.update();
		jdbc.sql("truncate paid_days_in").update();
		LocalDate from = days.stream().map(d -> d.month().plusMonths(1)).min(LocalDate::compareTo).orElseThrow();
		return recomputed(event, days.stream().map(PaidDays::memberId).distinct().toList(), from);
	}

	/**
	 * Suspends the member's rights in {@code regime} from {@code start} for {@code cause}, unless a suspension for
	 * that cause is already open; returns whether a suspension was opened.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean suspend(Event event, long memberId, Regime regime, String cause, LocalDate start, String reason) {
		Optional<Long> enrolment = jdbc.sql("""
				select id from enrolment where member_id = ? and regime = ? and start_date <= ?
				and (end_date is null or end_date >= ?) order by start_date desc limit 1""")
			.params(memberId, regime.name(), start, start).query(Long.class).optional();
		if (enrolment.isEmpty()) {
			return false;
		}
		int opened = jdbc.sql("""
				insert into rights_suspension (enrolment_id, start_date, reason, event_id, cause) values (?, ?, ?, ?, ?)
				on conflict (enrolment_id, cause) where end_date is null and cause is not null do nothing""")
			.params(enrolment.get(), start, reason, event.id(), cause).update();
		if (opened > 0) {
			recomputed(event, List.of(memberId), start);
		}
		return opened > 0;
	}

	/**
	 * Ends the member's open suspension for {@code cause} on {@code lastDay} (rights reopen the day after), noting
	 * why; returns whether one was open.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean lift(Event event, long memberId, String cause, LocalDate lastDay, String note) {
		// Paid on the very day the suspension would start: it never takes effect.
		List<LocalDate> starts = new java.util.ArrayList<>(jdbc.sql("""
				delete from rights_suspension s using enrolment e where e.id = s.enrolment_id and e.member_id = ?
				and s.cause = ? and s.end_date is null and s.start_date > ? returning s.start_date""")
			.params(memberId, cause, lastDay).query(LocalDate.class).list());
		starts.addAll(jdbc.sql("""
				update rights_suspension s set end_date = ?, reason = s.reason || ' — ' || ?, changed_at = now()
				from enrolment e where e.id = s.enrolment_id and e.member_id = ? and s.cause = ? and s.end_date is null
				returning s.start_date""")
			.params(lastDay, note, memberId, cause).query(LocalDate.class).list());
		if (starts.isEmpty()) {
			return false;
		}
		recomputed(event, List.of(memberId), starts.getFirst());
		return true;
	}

	/** Recomputes members' rights from a date for an event that changed their file some other way. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int recompute(Event event, Collection<Long> memberIds, LocalDate from) {
		return recomputed(event, memberIds, from);
	}

	private int recomputed(Event event, Collection<Long> memberIds, LocalDate from) {
		RightsReport report = new RightsReport();
		int changed = history.recompute(event.id(), memberIds, from, LocalDate.now(clock), report);
		report.publish(events, event);
		return changed;
	}

	/** The person's rights as a member, segment by segment, each with its event. */
	@Transactional(readOnly = true)
	public List<Change> history(String idcs) {
		return jdbc.sql("""
				select s.valid_from, s.status, s.rule, s.reason, e.id, e.kind, e.summary, e.occurred_on, e.recorded_at
				from rights_segment s join rights_event e on e.id = s.event_id where s.idcs = ? order by s.valid_from""")
			.param(idcs)
			.query((rs, n) -> new Change(rs.getObject(1, LocalDate.class), RightsStatus.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4), new Event(rs.getLong(5), rs.getString(6), rs.getString(7),
							rs.getObject(8, LocalDate.class), rs.getObject(9, java.time.OffsetDateTime.class))))
			.list();
	}

	/** The segment in force on the date, with its event, if the person's rights as a member are recorded then. */
	@Transactional(readOnly = true)
	public Optional<Change> changeOn(String idcs, LocalDate date) {
		return history(idcs).stream().filter(c -> !c.validFrom().isAfter(date)).reduce((a, b) -> b);
	}

	private static final String EVENT_COLUMNS = "id, kind, summary, occurred_on, recorded_at";

	private static Event event(java.sql.ResultSet rs, int n) throws SQLException {
		return new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				rs.getObject(5, java.time.OffsetDateTime.class));
	}
}
