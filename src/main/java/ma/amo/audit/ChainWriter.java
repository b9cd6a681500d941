package ma.amo.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import ma.amo.shared.CopyText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends lines to the chain. Requests arrive in parallel, but a hash chain needs one order: requests only queue
 * their lines (no lock, no database round trip on the eligibility path), and one writer thread takes whatever has
 * queued within ten milliseconds, numbers and seals it after the chain's last line and copies it in one
 * transaction: a busy minute costs a few thousand batches, not one transaction per read. The writer takes an
 * advisory lock per batch and reads the chain's head under it, so that several instances of the platform on one
 * database, and the retention purge, still make one chain.
 * <p>
 * A read is recorded once its line is queued: a crash loses at most the lines of the batch being gathered and
 * written (some ten milliseconds of reads). A change waits for its line to be committed before answering
 * ({@link #awaitWritten}).
 */
@Component
class ChainWriter {

	/** The advisory lock shared with the SQL function audit_purge. */
	static final long LOCK = 4281668;

	private static final Logger log = LoggerFactory.getLogger(ChainWriter.class);
	private static final int BATCH = 2000;
	/** How long a batch of reads waits for more: what a crash may lose beyond the batch being written. */
	private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	record Pending(Instant at, String actor, AuditEntry.Action action, String recordType, String recordId,
			String purpose) {
	}

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transactions;
	/**
	 * The batch being written, in COPY's text format: COPY costs PostgreSQL less per row than a batch of inserts,
	 * and the writer works on every request that reads personal data. Used by the writer thread only.
	 */
	private final CopyText rows = new CopyText();
	/** Bounded: when the database is down, requests slow down rather than the heap filling up. */
	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(200_000);
	private final AtomicLong queued = new AtomicLong();
	private final Object progress = new Object();
	private long written;
	private volatile boolean running = true;
	private final Thread thread;

	ChainWriter(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.dataSource = jdbc.getDataSource();
		this.transactions = transactions;
		this.thread = Thread.ofPlatform().name("audit-chain-writer").daemon().start(this::run);
	}

	/** Queues lines; returns the count after which they are written (for {@link #awaitWritten}). */
	long append(List<Pending> lines) {
		long ticket = queued.addAndGet(lines.size());
		for (Pending line : lines) {
			try {
				queue.put(line);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while recording the audit trail", e);
			}
		}
		return ticket;
	}

	/**
	 * Waits until every line queued up to {@code ticket} is committed; gives up after a minute (the database is
	 * down), failing the request rather than answering a change without its trace.
	 */
	void awaitWritten(long ticket) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		synchronized (progress) {
			while (written < ticket) {
				if (!thread.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("the audit trail could not be written");
				}
				try {
					progress.wait(1000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for the audit trail", e);
				}
			}
		}
	}

	void flush() {
		awaitWritten(queued.get());
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				if (batch.isEmpty()) {
					Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
					gather(batch);
				}
				write(batch);
				synchronized (progress) {
					written += batch.size();
					progress.notifyAll();
				}
				batch.clear();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				// The database may be restarting: keep the lines and try again.
				log.error("Could not write {} audit lines; retrying", batch.size(), e);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Adds to a batch of reads what queues within {@link #LINGER_NANOS} of its first line: under load a transaction
	 * then carries tens of lines instead of the two or three queued while the previous one committed, and the
	 * database's work per read (lock, head, commit) shrinks accordingly. A change does not wait: its request is
	 * waiting for its line, so the batch is written as soon as one is in it.
	 */
	private void gather(List<Pending> batch) throws InterruptedException {
		long until = System.nanoTime() + LINGER_NANOS;
		int checked = 0;
		while (batch.size() < BATCH) {
			queue.drainTo(batch, BATCH - batch.size());
			for (; checked < batch.size(); checked++) {
				if (batch.get(checked).action() != AuditEntry.Action.READ) {
					return;
				}
			}
			long left = until - System.nanoTime();
			Pending next = left > 0 && batch.size() < BATCH ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
			if (next == null) {
				return;
			}
			batch.add(next);
		}
	}

	private void write(List<Pending> batch) {
		// Left over by a batch that failed half-way, to be written again.
		rows.discard();
		rows.drain();
		transactions.executeWithoutResult(status -> {
			jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, LOCK);
			Head head = head();
			long seq = head.seq();
			String previous = head.hash();
			for (Pending p : batch) {
				seq++;
				Instant at = ChainHash.stored(p.at());
				previous = ChainHash.of(previous, seq, at, p.actor(), p.action(), p.recordType(), p.recordId(), p.purpose());
				rows.add(seq).add(at.toString()).add(p.actor()).add(p.action().name()).add(p.recordType())
					.add(p.recordId()).add(p.purpose()).add(previous).end();
			}
			rows.copyInto(dataSource, "audit_entry (seq, at, actor, action, record_type, record_id, purpose, hash)");
		});
	}

	record Head(long seq, String hash) {
	}

	/** The chain's last line, or the anchor left by the last purge, or the genesis. */
	Head head() {
		List<Head> last = jdbc.query("select seq, hash from audit_entry order by seq desc limit 1",
				(rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
		if (!last.isEmpty()) {
			return last.getFirst();
		}
		return anchor();
	}

	Head anchor() {
		List<Head> anchor = jdbc.query("select purged_through, hash from audit_anchor order by purged_through desc limit 1",
				(rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
		return anchor.isEmpty() ? new Head(0, ChainHash.GENESIS) : anchor.getFirst();
	}

	/** Lines queued and not yet written: the writer's backlog, for the operator's metrics. */
	int backlog() {
		return queue.size();
	}

	/** Writes what is queued, then stops: the application context closes before the database does. */
	@PreDestroy
	void stop() {
		running = false;
		try {
			thread.join(10_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
