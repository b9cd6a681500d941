package ma.amo.claims;

import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Received claims whose adjudication failed (a value no rule can work with, such as a care date in year 0 stored
 * before the edge refused it): each keeps its status RECEIVED, is marked with the error and skipped by the queue
 * until an agent puts it back.
 */
@Repository
class SetAsideClaims {

	/** The longest error kept: enough for an agent to see the cause, never a whole stack. */
	private static final int REASON_LENGTH = 1000;

	private final JdbcClient jdbc;

	SetAsideClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of the next received claims of one worker's share, as {@link Claims#lockReceived(int, int, int)} takes
	 * them, read without building the claims: building one may be what fails.
	 */
	List<Long> receivedIds(int worker, int workers, int size) {
		return jdbc.sql("""
				select id from claim where status = 'RECEIVED' and set_aside_at is null
				  and (hashtext(patient_idcs) & 2147483647) % ? = ? order by id limit ?""")
			.params(workers, worker, size)
			.query(Long.class)
			.list();
	}

	/**
	 * Marks a claim still received as set aside; false when it is no longer waiting (decided meanwhile). The one step
	 * not taken through {@link Claim}: the claim is set aside because building it may be what fails, so the rule
	 * (received, not set aside yet) is the statement's condition.
	 */
	boolean setAside(long id, String reason, String actor) {
		String kept = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
		int marked = jdbc.sql("""
				update claim set set_aside_at = now(), set_aside_reason = ?
				where id = ? and status = 'RECEIVED' and set_aside_at is null""").params(kept, id).update();
		if (marked == 1) {
			event(id, actor, "Mis de côté, adjudication impossible : " + kept);
		}
		return marked == 1;
	}

	/** Puts a set-aside claim back in the queue; false when it was not set aside. */
	boolean putBack(long id, String actor) {
		int back = jdbc.sql("""
				update claim set set_aside_at = null, set_aside_reason = null
				where id = ? and status = 'RECEIVED' and set_aside_at is not null""").param(id).update();
		if (back == 1) {
			event(id, actor, "Remis dans la file d'adjudication");
		}
		return back == 1;
	}

	PageOf<SetAsideClaim> list(int page, int size) {
		List<SetAsideClaim> content = jdbc.sql("""
				select id, submitter, patient_idcs, care_date, filed_on, set_aside_at, set_aside_reason from claim
				where set_aside_at is not null order by id limit ? offset ?""")
			.params(size, (long) page * size)
			.query((rs, n) -> new SetAsideClaim(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toInstant(),
					rs.getString(7)))
			.list();
		return PageOf.of(content, page, size, count());
	}

	long count() {
		return jdbc.sql("select count(*) from claim where set_aside_at is not null").query(Long.class).single();
	}

	/** The claims still waiting for adjudication, set-aside ones not counted. */
	long waiting() {
		return jdbc.sql("select count(*) from claim where status = 'RECEIVED' and set_aside_at is null")
			.query(Long.class)
			.single();
	}

	private void event(long id, String actor, String comment) {
		jdbc.sql("insert into claim_event (claim_id, status, actor, comment) values (?, 'RECEIVED', ?, ?)")
			.params(id, actor, comment)
			.update();
	}
}
