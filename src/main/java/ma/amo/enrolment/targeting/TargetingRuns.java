package ma.amo.enrolment.targeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Targeting passes, written outside a pass's own transaction so that a failed pass still says why. */
@Repository
class TargetingRuns {

	private static final String COLUMNS = "id, cause, import_job_id, evaluated_on, threshold, status, registered, rejected,"
			+ " left_tadamon, rights_event_id, message, started_at, finished_at";

	private final JdbcClient jdbc;

	TargetingRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Starts the pass of a file, once: empty when that file's pass already ran or is running (the event of a file may
	 * be delivered again); a failed pass is started again.
	 */
	Optional<Long> claim(TargetingRun.Cause cause, Long importJobId, LocalDate evaluatedOn, java.math.BigDecimal threshold) {
		if (importJobId == null) {
			return Optional.of(jdbc.sql("""
					insert into targeting_run (cause, evaluated_on, threshold, status) values (?, ?, ?, 'RUNNING') returning id""")
				.params(cause.name(), evaluatedOn, threshold).query(Long.class).single());
		}
		return jdbc.sql("""
				insert into targeting_run as r (cause, import_job_id, evaluated_on, threshold, status)
				values (?, ?, ?, ?, 'RUNNING')
				on conflict (cause, import_job_id) where import_job_id is not null do update set status = 'RUNNING',
				  message = null, started_at = now(), finished_at = null where r.status = 'FAILED'
				returning id""")
			.params(cause.name(), importJobId, evaluatedOn, threshold).query(Long.class).optional();
	}

	void counted(long id, TargetingPass.Outcome outcome, Long rightsEventId) {
		jdbc.sql("update targeting_run set registered = ?, rejected = ?, left_tadamon = ?, rights_event_id = ? where id = ?")
			.params(outcome.registered(), outcome.rejected(), outcome.left(), rightsEventId, id).update();
	}

	void completed(long id) {
		jdbc.sql("update targeting_run set status = 'COMPLETED', finished_at = now() where id = ?").param(id).update();
	}

	void failed(long id, String message) {
		jdbc.sql("update targeting_run set status = 'FAILED', message = ?, finished_at = now() where id = ?")
			.params(message, id).update();
	}

	Optional<TargetingRun> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from targeting_run where id = ?").param(id).query(TargetingRuns::run).optional();
	}

	Optional<TargetingRun> ofJob(long importJobId) {
		return jdbc.sql("select " + COLUMNS + " from targeting_run where import_job_id = ? order by id desc limit 1")
			.param(importJobId).query(TargetingRuns::run).optional();
	}

	java.util.List<TargetingRun> page(int page, int size) {
		return jdbc.sql("select " + COLUMNS + " from targeting_run order by id desc limit ? offset ?")
			.params(size, (long) page * size).query(TargetingRuns::run).list();
	}

	long count() {
		return jdbc.sql("select count(*) from targeting_run").query(Long.class).single();
	}

	private static TargetingRun run(ResultSet rs, int n) throws SQLException {
		return new TargetingRun(rs.getLong(1), TargetingRun.Cause.valueOf(rs.getString(2)), (Long) rs.getObject(3),
				rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), TargetingRun.Status.valueOf(rs.getString(6)),
				rs.getInt(7), rs.getInt(8), rs.getInt(9), (Long) rs.getObject(10), rs.getString(11),
				instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)));
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
