package ma.amo.population.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ma.amo.shared.CopyText;
import ma.amo.shared.CsvSeparator;
import ma.amo.shared.InputBounds;

import javax.sql.DataSource;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import ma.amo.population.ImportJob;
import ma.amo.population.ImportMode;
import ma.amo.population.ImportRejection;
import ma.amo.population.PopulationSettings;
import ma.amo.population.RegisterImported;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an extract in one transaction: the file is streamed row by row (constant memory whatever its size), each row
 * checked and sent to a temporary staging table with {@code COPY}, whole-file rules run in SQL over the staging
 * table, and the valid rows are merged into the register. In all-or-nothing mode one rejected row rolls everything
 * back; the rejected-rows report is written outside the transaction and survives.
 */
@Component
public class ExtractLoader {

	private static final Logger log = LoggerFactory.getLogger(ExtractLoader.class);
	private static final int COPY_CHUNK = 1 << 16;
	/** Longer than any name or place of the registers; the columns check their own lengths after. */
	private static final int LONGEST_VALUE = 1000;
	private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
	private static final long LOG_EVERY_NANOS = 5_000_000_000L;

	private final DataSource dataSource;
	private final ImportJobs jobs;
	private final PopulationSettings settings;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;

	ExtractLoader(DataSource dataSource, ImportJobs jobs, PopulationSettings settings, Clock clock,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.jobs = jobs;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Runs the job to its end; the job's row says how it ended. */
	public void load(ImportJob job, Path file) {
		LocalDate today = LocalDate.now(clock);
		Extract extract = switch (job.kind()) {
			case RNP -> new RnpExtract(settings.idcsCheckDigit(), today);
			case RSU -> new RsuExtract(settings.idcsCheckDigit(), today);
			case HOUSEHOLD -> new HouseholdExtract(settings.idcsCheckDigit(), today);
		};
		jobs.started(job.id());
		log.info("Import job {} ({} {}, {} mode, {} bytes) started", job.id(), job.kind(), job.fileName(), job.mode(),
				job.totalBytes());
		Run run = new Run(job, extract);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				String failure = run.execute(connection, file);
				if (failure == null) {
					connection.commit();
					if (run.inserted + run.updated > 0) {
						refreshStatistics(connection, extract);
					}
					jobs.completed(job.id(), run.rowsRead, run.rejected, run.inserted, run.updated,
							run.rejected == 0 ? null : run.rejected + " rows rejected and left out");
					log.info("Import job {} completed: {} rows read, {} inserted, {} updated, {} rejected", job.id(),
							run.rowsRead, run.inserted, run.updated, run.rejected);
					announce(job, run.inserted + run.updated);
				}
				else {
					connection.rollback();
					jobs.failed(job.id(), run.rowsRead, run.rejected, failure);
					log.warn("Import job {} failed, nothing imported: {}", job.id(), failure);
				}
			}
			catch (SQLException | IOException | RuntimeException e) {
				connection.rollback();
				String message = e instanceof CsvParseException ? "malformed CSV: " + e.getMessage()
						: "nothing was imported: " + e.getMessage();
				jobs.failed(job.id(), run.rowsRead, run.rejected, message);
				log.warn("Import job {} failed, nothing imported", job.id(), e);
			}
		}
		catch (SQLException e) {
			jobs.failed(job.id(), run.rowsRead, run.rejected, "database unavailable: " + e.getMessage());
			log.error("Import job {} could not reach the database", job.id(), e);
		}
	}

	/**
	 * Tells the other modules, through the event publication registry, that the job's rows are in the register. The
	 * import itself committed on its own connection; a failure here leaves the data imported and is logged.
	 */
	private void announce(ImportJob job, long rowsChanged) {
		try {
			transaction.executeWithoutResult(tx -> events.publishEvent(new RegisterImported(job.id(), job.kind(), rowsChanged)));
		}
		catch (RuntimeException e) {
			log.error("Import job {} committed, but its completion could not be announced", job.id(), e);
		}
	}

	/**
	 * An import changes the register in bulk, faster than autovacuum notices: eligibility reads the person on every
	 * request, and a plan made on the statistics of an empty or much smaller table reads the whole table. Refreshing
	 * them at once costs a sample of the table (a fraction of a second on millions of rows).
	 */
	private static void refreshStatistics(Connection connection, Extract extract) {
		try (Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("analyze " + extract.registerTable());
		}
		catch (SQLException e) {
			// The import is committed: autovacuum will refresh them later.
			log.warn("Could not refresh the planner statistics of {}", extract.registerTable(), e);
		}
	}

	/** The state of one job while it runs. */
	private final class Run {

		private final ImportJob job;
		private final Extract extract;
		private final List<ImportRejection> pending = new ArrayList<>();
		private long rowsRead;
		private long rejected;
		private long kept;
		private long inserted;
		private long updated;

		Run(ImportJob job, Extract extract) {
			this.job = job;
			this.extract = extract;
		}

		/** Returns why the job failed, or null when its transaction may commit. */
		String execute(Connection connection, Path file) throws SQLException, IOException {
			try (Statement statement = connection.createStatement()) {
				statement.execute(extract.createStaging());
				statement.execute("create temporary table import_rejects (line bigint, field text, reason text) on commit drop");
			}
			String headerProblem = stream(connection, file);
			if (headerProblem != null) {
				return headerProblem;
			}
			jobs.progress(job.id(), "checking whole-file rules", job.totalBytes(), rowsRead, rejected);
			long wholeFileRejected = checkWholeFile(connection);
			rejected += wholeFileRejected;
			flushRejections();
			if (rejected > 0 && job.mode() == ImportMode.ALL_OR_NOTHING) {
				return rejected + " of " + rowsRead + " rows rejected; nothing was imported (all or nothing)";
			}
			jobs.progress(job.id(), "merging into the register", job.totalBytes(), rowsRead, rejected);
			try (Statement statement = connection.createStatement()) {
				if (wholeFileRejected > 0) {
					String staging = extract.stagingTable();
					statement.execute("delete from " + staging + " s using import_rejects r where s.line = r.line");
				}
				try (ResultSet counts = statement.executeQuery(extract.merge().replace(":job", Long.toString(job.id())))) {
					counts.next();
					inserted = counts.getLong(1);
					updated = counts.getLong(2);
				}
			}
			return null;
		}

		private String stream(Connection connection, Path file) throws SQLException, IOException {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + extract.stagingTable() + " from stdin");
			try (CountingStream counting = new CountingStream(Files.newInputStream(file));
					BufferedInputStream input = new BufferedInputStream(counting, 1 << 16);
					CsvReader<CsvRecord> csv = CsvReader.builder()
						.fieldSeparator(CsvSeparator.of(input))
						.allowExtraFields(true)
						.allowMissingFields(true)
						.detectBomHeader(true)
						.ofCsvRecord(input, StandardCharsets.UTF_8)) {
				Iterator<CsvRecord> records = csv.iterator();
				if (!records.hasNext()) {
					copy.cancelCopy();
					return "the file is empty: a header line is expected";
				}
				CsvRecord header = records.next();
				int[] positions = new int[extract.columns().size()];
				String problem = mapHeader(header, positions);
				if (problem != null) {
					copy.cancelCopy();
					return problem;
				}
				CopyText row = new CopyText();
				RecordValues values = new RecordValues(positions);
				long lastProgress = System.nanoTime();
				long lastLog = lastProgress;
				while (records.hasNext()) {
					CsvRecord record = records.next();
					rowsRead++;
					long line = record.getStartingLineNumber();
					if (record.getFieldCount() != header.getFieldCount()) {
						reject(line, "line", "has " + record.getFieldCount() + " fields, the header has "
								+ header.getFieldCount());
						continue;
					}
					values.record = record;
					Extract.Rejected rejection = unreadable(values);
					if (rejection != null) {
						reject(line, rejection.field(), rejection.reason());
						continue;
					}
					row.add(line);
					rejection = extract.stage(values, row);
					if (rejection != null) {
						row.discard();
						reject(line, rejection.field(), rejection.reason());
						continue;
					}
					row.end();
					if (row.bufferedBytes() >= COPY_CHUNK) {
						byte[] bytes = row.drain();
						copy.writeToCopy(bytes, 0, bytes.length);
					}
					if ((rowsRead & 4095) == 0) {
						long now = System.nanoTime();
						if (now - lastProgress > PROGRESS_EVERY_NANOS) {
							lastProgress = now;
							jobs.progress(job.id(), "reading", counting.count, rowsRead, rejected);
							flushRejections();
						}
						if (now - lastLog > LOG_EVERY_NANOS) {
							lastLog = now;
							log.info("Import job {}: {}% read, {} rows, {} rejected", job.id(),
									job.totalBytes() == 0 ? 0 : counting.count * 100 / job.totalBytes(), rowsRead, rejected);
						}
					}
				}
				byte[] bytes = row.drain();
				copy.writeToCopy(bytes, 0, bytes.length);
				copy.endCopy();
				flushRejections();
				return null;
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}

		private String mapHeader(CsvRecord header, int[] positions) {
			List<String> names = header.getFields().stream().map(n -> n.strip().toLowerCase()).toList();
			List<String> missing = new ArrayList<>();
			for (int i = 0; i < positions.length; i++) {
				Extract.Column column = extract.columns().get(i);
				positions[i] = names.indexOf(column.name());
				if (positions[i] < 0 && column.required()) {
					missing.add(column.name());
				}
			}
			return missing.isEmpty() ? null : "line 1: the header lacks the column(s) " + String.join(", ", missing);
		}

		private long checkWholeFile(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze " + extract.stagingTable());
				for (String check : extract.wholeFileChecks()) {
					statement.execute("insert into import_rejects " + check);
				}
				long lines = 0;
				try (ResultSet rs = statement.executeQuery(
						"select line, field, reason from import_rejects order by line")) {
					long previous = -1;
					while (rs.next()) {
						long line = rs.getLong(1);
						if (line != previous) {
							lines++;
							previous = line;
						}
						keep(new ImportRejection(line, rs.getString(2), rs.getString(3)));
					}
				}
				return lines;
			}
		}

		/** A value no register holds: a NUL or control character, bytes that were not UTF-8, a novel of a field. */
		private Extract.Rejected unreadable(RecordValues values) {
			for (int column = 0; column < extract.columns().size(); column++) {
				String value = values.get(column);
				String problem = value == null ? null : InputBounds.textProblem(value, LONGEST_VALUE);
				if (problem != null) {
					return new Extract.Rejected(extract.columns().get(column).name(), problem);
				}
			}
			return null;
		}

		private void reject(long line, String field, String reason) {
			rejected++;
			keep(new ImportRejection(line, field, reason));
		}

		private void keep(ImportRejection rejection) {
			if (kept < settings.rejectionsKept()) {
				kept++;
				pending.add(rejection);
				if (pending.size() >= 1000) {
					flushRejections();
				}
			}
		}

		private void flushRejections() {
			jobs.reject(job.id(), pending);
			pending.clear();
		}
	}

	/** Values of the current record by extract column, trimmed, blanks as null. */
	private static final class RecordValues implements Extract.Row {

		private final int[] positions;
		private CsvRecord record;

		RecordValues(int[] positions) {
			this.positions = positions;
		}

		@Override
		public String get(int column) {
			int position = positions[column];
			if (position < 0) {
				return null;
			}
			String value = record.getField(position).strip();
			return value.isEmpty() ? null : value;
		}
	}

	/** Counts the bytes read from the file, for the percentage shown while the job runs. */
	private static final class CountingStream extends FilterInputStream {

		private volatile long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}
	}
}
