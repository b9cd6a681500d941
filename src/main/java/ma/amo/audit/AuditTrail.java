package ma.amo.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import ma.amo.shared.SearchFilters;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of personal and medical data (loi 09-08, purpose limitation and need-to-know access): records who
 * read or changed which record for which purpose, lets the data-protection officer search and export it, proves it
 * intact and purges it after the retention period.
 */
@Service
public class AuditTrail {

	private static final String SELECT = "select seq, at, actor, action, record_type, record_id, purpose, hash from audit_entry";

	private final ChainWriter writer;
	private final JdbcClient jdbc;

	AuditTrail(ChainWriter writer, JdbcClient jdbc) {
		this.writer = writer;
		this.jdbc = jdbc;
	}

	/** Records one access now. */
	public void record(String actor, AuditEntry.Action action, String recordType, String recordId, String purpose) {
		record(actor, action, recordType, List.of(recordId), purpose);
	}

	/**
	 * Records one access to each of {@code recordIds}. A read is queued and written within milliseconds; a change
	 * returns once its lines are committed, so that no change is answered without its trace.
	 */
	public void record(String actor, AuditEntry.Action action, String recordType, List<String> recordIds,
			String purpose) {
		if (recordIds.isEmpty()) {
			return;
		}
		Instant now = Instant.now();
		List<ChainWriter.Pending> lines = new ArrayList<>(recordIds.size());
		for (String id : recordIds) {
			lines.add(new ChainWriter.Pending(now, actor == null ? "anonymous" : actor, action, recordType, id, purpose));
		}
		long ticket = writer.append(lines);
		if (action != AuditEntry.Action.READ) {
			writer.awaitWritten(ticket);
		}
	}

	/** Waits until every access recorded so far is written. */
	public void flush() {
		writer.flush();
	}

	/** One page of the entries matching {@code search}, newest first; entries recorded before the call included. */
	public PageOf<AuditEntry> search(AuditSearch search, int page, int size) {
		writer.flush();
		return filters(search).page(jdbc, SELECT, "seq desc", page, size, AuditTrail::entry);
	}

	/** Writes the entries matching {@code search} as CSV, oldest first, streamed from the database. */
	@Transactional(readOnly = true)
	public void export(AuditSearch search, Writer out) {
		writer.flush();
		try {
			out.write("seq,at,actor,action,record_type,record_id,purpose,hash\n");
			SearchFilters filters = filters(search);
			String sql = SELECT + filters.where() + " order by seq";
			jdbc.sql(sql).params(filters.params()).withFetchSize(1000).query((RowCallbackHandler) rs -> {
				AuditEntry e = entry(rs, 0);
				try {
					out.write(e.seq() + "," + e.at() + "," + csv(e.actor()) + "," + e.action() + "," + csv(e.recordType())
							+ "," + csv(e.recordId()) + "," + csv(e.purpose()) + "," + e.hash() + "\n");
				}
				catch (IOException io) {
					throw new UncheckedIOException(io);
				}
			});
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Recomputes the chain from the oldest line kept (or the last purge's anchor): the first line whose hash does not
	 * follow, or whose number does not follow the one before it (a line removed), is reported. One snapshot for the
	 * anchor and the lines, so that a purge committed meanwhile does not look like removed lines.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		writer.flush();
		ChainWriter.Head anchor = writer.anchor();
		Check check = new Check(anchor.seq(), anchor.hash());
		jdbc.sql(SELECT + " order by seq").withFetchSize(10_000)
			.query((RowCallbackHandler) rs -> check.next(entry(rs, 0)));
		return new Verification(check.problem == null, check.checked, check.brokenAt, check.problem, check.seq,
				check.hash);
	}

	/**
	 * The verification, and whether the head kept outside the database after an earlier verification (its line
	 * number and seal) is still in the chain, unchanged: lines removed from the end of the chain leave no gap, only a
	 * head older than the one kept. A head older than the last purge is not checked (its line is gone by design).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify(long keptSeq, String keptSeal) {
		Verification verification = verify();
		if (!verification.intact()) {
			return verification;
		}
		ChainWriter.Head anchor = writer.anchor();
		String seal = keptSeq == anchor.seq() ? anchor.hash()
				: jdbc.sql("select hash from audit_entry where seq = ?").param(keptSeq).query(String.class).optional()
					.orElse(null);
		if (keptSeq < anchor.seq() || keptSeal.equals(seal)) {
			return verification;
		}
		return verification.brokenAt(keptSeq, "the head kept outside the database, line " + keptSeq + ", is "
				+ (seal == null ? "missing: lines were removed from the end of the chain" : "changed: the chain was rewritten"));
	}

	private static final class Check {

		long seq;
		String hash;
		long checked;
		Long brokenAt;
		String problem;

		Check(long seq, String hash) {
			this.seq = seq;
			this.hash = hash;
		}

		/** Checks one line after the one before; past a break, only follows the chain to its head. */
		void next(AuditEntry e) {
			checked++;
			if (problem == null) {
				problem = e.seq() != seq + 1 ? "lines " + (seq + 1) + " to " + (e.seq() - 1) + " are missing"
						: !ChainHash.of(hash, e).equals(e.hash())
								? "line " + e.seq() + " does not match its hash: edited after it was written" : null;
				brokenAt = problem == null ? null : e.seq();
			}
			seq = e.seq();
			hash = e.hash();
		}
	}

	/** The outcome of a purge: the horizon applied and how many lines were removed. */
	public record Purge(Instant horizon, long purged) {
	}

	/**
	 * Removes the lines older than {@code horizon} (the oldest lines up to the first one at or after it), keeping the
	 * chain verifiable from the purge's anchor, and records the purge itself in the chain.
	 */
	public Purge purge(Instant horizon, String actor) {
		writer.flush();
		long purged = jdbc.sql("select audit_purge(?)").param(utc(horizon))
			.query(Long.class).single();
		record(actor, AuditEntry.Action.PURGE, "AUDIT_TRAIL", "before " + horizon, "RETENTION");
		return new Purge(horizon, purged);
	}

	private static SearchFilters filters(AuditSearch s) {
		if (s.from() != null && s.to() != null && !s.from().isBefore(s.to())) {
			throw new InvalidInput("to", "after-from", "must be after from");
		}
		return new SearchFilters().add("actor = :actor", "actor", s.actor())
			.add("record_type = :recordType", "recordType", s.recordType())
			.add("record_id = :recordId", "recordId", s.recordId())
			.add("purpose = :purpose", "purpose", s.purpose())
			.add("at >= :from", "from", utc(s.from()))
			.add("at < :to", "to", utc(s.to()));
	}

	private static OffsetDateTime utc(Instant at) {
		return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
				AuditEntry.Action.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
				rs.getString(8));
	}

	/** Quotes a field that holds a separator, a quote or a line break (RFC 4180). */
	private static String csv(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}
}
