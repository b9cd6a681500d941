package ma.amo.population.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ma.amo.population.ImportJob;
import ma.amo.population.ImportKind;
import ma.amo.population.ImportMode;
import ma.amo.population.ImportRejection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import jobs and their rejected rows. Written outside the import's own transaction, so that progress shows while
 * the import runs and the report survives an import that is rolled back.
 */
@Repository
public class ImportJobs {

	private static final String COLUMNS = "id, kind, file_name, mode, status, phase, total_bytes, bytes_read, rows_read,"
			+ " rows_rejected, rows_inserted, rows_updated, rows_unchanged, message, created_at, started_at, finished_at";

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ImportJob create(ImportKind kind, ImportMode mode, String fileName, long totalBytes) {
		long id = jdbc.sql("""
				insert into import_job (kind, file_name, mode, status, phase, total_bytes)
				values (?, ?, ?, 'QUEUED', 'waiting', ?) returning id""")
			.params(kind.name(), fileName, mode.name(), totalBytes).query(Long.class).single();
		return find(id).orElseThrow();
	}

	public Optional<ImportJob> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from import_job where id = ?").param(id).query(ImportJobs::job).optional();
	}

	public List<ImportJob> page(int page, int size) {
		return jdbc.sql("select " + COLUMNS + " from import_job order by id desc limit ? offset ?")
			.params(size, (long) page * size).query(ImportJobs::job).list();
	}

	public long count() {
		return jdbc.sql("select count(*) from import_job").query(Long.class).single();
	}

	public List<ImportRejection> rejections(long jobId, int page, int size) {
		return jdbc.sql("select line, field, reason from import_rejection where job_id = ? order by line limit ? offset ?")
			.params(jobId, size, (long) page * size)
			.query((rs, n) -> new ImportRejection(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	void started(long id) {
		jdbc.sql("update import_job set status = 'RUNNING', phase = 'reading', started_at = now() where id = ?")
			.param(id).update();
	}

	void progress(long id, String phase, long bytesRead, long rowsRead, long rowsRejected) {
		jdbc.sql("update import_job set phase = ?, bytes_read = ?, rows_read = ?, rows_rejected = ? where id = ?")
			.params(phase, bytesRead, rowsRead, rowsRejected, id).update();
	}

	void reject(long id, List<ImportRejection> rejections) {
		if (rejections.isEmpty()) {
			return;
		}
		jdbc.sql("insert into import_rejection (job_id, line, field, reason) select ?, * from unnest(?::bigint[], ?::text[], ?::text[])")
			.params(id, rejections.stream().map(ImportRejection::line).toArray(Long[]::new),
					rejections.stream().map(ImportRejection::field).toArray(String[]::new),
					rejections.stream().map(ImportRejection::reason).toArray(String[]::new))
			.update();
	}

	void completed(long id, long rowsRead, long rejected, long inserted, long updated, String message) {
		jdbc.sql("""
				update import_job set status = 'COMPLETED', phase = 'done', bytes_read = total_bytes, rows_read = ?,
				  rows_rejected = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?, message = ?, finished_at = now()
				where id = ?""")
			.params(rowsRead, rejected, inserted, updated, rowsRead - rejected - inserted - updated, message, id)
			.update();
	}

	void failed(long id, long rowsRead, long rejected, String message) {
		jdbc.sql("""
				update import_job set status = 'FAILED', phase = 'done', rows_read = ?, rows_rejected = ?,
				  rows_inserted = 0, rows_updated = 0, rows_unchanged = 0, message = ?, finished_at = now()
				where id = ?""")
			.params(rowsRead, rejected, message, id).update();
	}

	/** Jobs left running by a stopped process: PostgreSQL rolled their transaction back, so they imported nothing. */
	public int failInterrupted() {
		return jdbc.sql("""
				update import_job set status = 'FAILED', phase = 'done', message = 'interrupted by a restart; nothing was imported',
				  finished_at = now() where status in ('QUEUED', 'RUNNING')""").update();
	}

	private static ImportJob job(ResultSet rs, int n) throws SQLException {
		return new ImportJob(rs.getLong(1), ImportKind.valueOf(rs.getString(2)), rs.getString(3),
				ImportMode.valueOf(rs.getString(4)), ImportJob.Status.valueOf(rs.getString(5)), rs.getString(6),
				rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
				rs.getLong(13), rs.getString(14), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)),
				instant(rs.getTimestamp(17)));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
