package ma.amo.contributions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import ma.amo.shared.CopyText;
import ma.amo.shared.CsvSeparator;
import ma.amo.shared.Money;
import ma.amo.shared.Months;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports a file of monthly salaried declarations: one line per employee and employer for a month (affiliation
 * number, month, registration number, days worked, gross salary), any number of employers and months. The file is
 * streamed (constant memory whatever its size); each line is checked and its shares computed with the rates of its
 * month, then sent with {@code COPY} to a staging table; whole-file rules run in SQL; the declarations, their lines
 * and one call per employer and month are written in the same transaction. One rejected line rejects the file and
 * changes nothing but the import record and its rejected-lines report.
 */
@Service
public class DeclarationImport {

	private static final Logger log = LoggerFactory.getLogger(DeclarationImport.class);
	private static final List<String> COLUMNS = List.of("affiliation_number", "month", "registration_number", "days",
			"gross_salary");
	private static final int COPY_CHUNK = 1 << 16;
	/** Rejections kept in the report; the count is exact beyond it. */
	private static final int REPORT_LIMIT = 10_000;

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final ContributionRates rates;
	private final ContributionCalls calls;

	DeclarationImport(DataSource dataSource, JdbcClient jdbc, ContributionRates rates, ContributionCalls calls) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.rates = rates;
		this.calls = calls;
	}

	/** How an import ended; the rejected lines are listed by {@link #rejections}. */
	public record Result(long id, String fileName, String status, long lines, long declarations, long rejected,
			String message) {
	}

	public record Rejection(long line, String field, String rule, String message) {
	}

	public Result load(String fileName, InputStream content) {
		Run run = new Run();
		String failure;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				failure = run.execute(connection, content);
				if (failure == null) {
					long id = run.record(connection, fileName, "ACCEPTED", null);
					run.merge(connection, id);
					connection.commit();
					log.info("Declaration import {} ({}): {} lines, {} declarations", id, fileName, run.lines,
							run.declarations);
					return new Result(id, fileName, "ACCEPTED", run.lines, run.declarations, 0,
							run.declarations + " declarations imported");
				}
				connection.rollback();
			}
			catch (CsvParseException e) {
				connection.rollback();
				failure = "malformed CSV: " + e.getMessage();
			}
			catch (SQLException | IOException | RuntimeException e) {
				connection.rollback();
				throw new IllegalStateException("declaration import failed, nothing imported: " + e.getMessage(), e);
			}
			// The report survives the rollback: it is written in a transaction of its own.
			long id = run.record(connection, fileName, "REJECTED", failure);
			run.writeRejections(connection, id);
			connection.commit();
			log.warn("Declaration import {} ({}) rejected, nothing imported: {}", id, fileName, failure);
			return new Result(id, fileName, "REJECTED", run.lines, 0, run.rejected, failure);
		}
		catch (SQLException e) {
			throw new IllegalStateException("database unavailable: " + e.getMessage(), e);
		}
	}

	public Result result(long id) {
		return jdbc.sql("select id, file_name, status, lines, declarations, rejected, message from declaration_import where id = ?")
			.param(id)
			.query((rs, n) -> new Result(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getString(7)))
			.optional()
			.orElseThrow(() -> new ma.amo.shared.NotFound("id", "no declaration import " + id));
	}

	public List<Rejection> rejections(long importId, int limit) {
		return jdbc.sql("select line, field, rule, message from declaration_rejection where import_id = ? order by line limit ?")
			.params(importId, limit)
			.query((rs, n) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** The state of one import while it runs. */
	private final class Run {

		private final List<Rejection> report = new ArrayList<>();
		private final Map<LocalDate, ContributionRates.SalariedRates> ratesByMonth = new HashMap<>();
		private long lines;
		private long rejected;
		private long declarations;

		String execute(Connection connection, InputStream content) throws SQLException, IOException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						create temporary table declaration_in (line int, employer text, month date,
						  registration_number text, days int, gross_salary numeric(14, 2), employee_share numeric(12, 2),
						  employer_share numeric(12, 2), solidarity_share numeric(12, 2)) on commit drop""");
			}
			String headerProblem = stream(connection, content);
			if (headerProblem != null) {
				return headerProblem;
			}
			if (lines == 0) {
				return "the file has no declaration line";
			}
			if (rejected == 0) {
				checkWholeFile(connection);
			}
			return rejected == 0 ? null
					: rejected + " of " + lines + " lines rejected; nothing was imported (all or nothing)";
		}

		private String stream(Connection connection, InputStream content) throws SQLException, IOException {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy declaration_in from stdin");
			try (BufferedInputStream input = new BufferedInputStream(content, 1 << 16);
					CsvReader<CsvRecord> csv = CsvReader.builder()
						.fieldSeparator(CsvSeparator.of(input))
						.allowMissingFields(true)
						.allowExtraFields(true)
						.detectBomHeader(true)
						.ofCsvRecord(input, StandardCharsets.UTF_8)) {
				Iterator<CsvRecord> records = csv.iterator();
				if (!records.hasNext()) {
					copy.cancelCopy();
					return "the file is empty: a header line is expected";
				}
				int[] positions = new int[COLUMNS.size()];
				String problem = header(records.next(), positions);
				if (problem != null) {
					copy.cancelCopy();
					return problem;
				}
				CopyText row = new CopyText();
				while (records.hasNext()) {
					CsvRecord record = records.next();
					lines++;
					Rejection rejection = stage(record, positions, row);
					if (rejection != null) {
						row.discard();
						reject(rejection);
						continue;
					}
					row.end();
					if (row.bufferedBytes() >= COPY_CHUNK) {
						byte[] bytes = row.drain();
						copy.writeToCopy(bytes, 0, bytes.length);
					}
				}
				byte[] bytes = row.drain();
				copy.writeToCopy(bytes, 0, bytes.length);
				copy.endCopy();
				return null;
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}

		private Rejection stage(CsvRecord record, int[] positions, CopyText row) {
			long line = record.getStartingLineNumber();
			String employer = field(record, positions[0]);
			String problem = Employers.problem(employer);
			if (problem != null) {
				return new Rejection(line, "affiliation_number", "affiliation-number", problem);
			}
			LocalDate month;
			try {
				month = Months.firstDay("month", field(record, positions[1]));
			}
			catch (InvalidInput e) {
				return new Rejection(line, "month", "month", "must be a month written yyyy-MM");
			}
			String registration = field(record, positions[2]);
			if (!registration.matches("\\d{11}")) {
				return new Rejection(line, "registration_number", "registration-number", "must have 11 digits");
			}
			int days;
			try {
				days = Integer.parseInt(field(record, positions[3]));
			}
			catch (NumberFormatException e) {
				return new Rejection(line, "days", "integer", "must be a whole number of days");
			}
			if (days < 0 || days > 31) {
				return new Rejection(line, "days", "range", "must be between 0 and 31");
			}
			BigDecimal gross;
			try {
				gross = new BigDecimal(field(record, positions[4]).replace(',', '.'));
			}
			catch (NumberFormatException e) {
				return new Rejection(line, "gross_salary", "amount", "must be an amount such as 4250.00");
			}
			if (gross.signum() < 0 || gross.scale() > 2 || InputBounds.decimalProblem(gross) != null) {
				return new Rejection(line, "gross_salary", "amount", "must be positive with at most two decimals");
			}
			ContributionRates.SalariedRates monthRates = ratesByMonth.computeIfAbsent(month, rates::salariedRates);
			Money salary = new Money(gross);
			row.add(line).add(employer).add(month).add(registration).add(days).add(gross.toPlainString())
				.add(monthRates.employee(salary).amount().toPlainString())
				.add(monthRates.employer(salary).amount().toPlainString())
				.add(monthRates.solidarity(salary).amount().toPlainString());
			return null;
		}

		/** Rules that need the whole file or the database, run in SQL over the staging table. */
		private void checkWholeFile(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create index on declaration_in (registration_number)");
				statement.execute("analyze declaration_in");
				sqlRejections(statement, """
						select line, 'affiliation_number', 'known-employer', 'no employer with affiliation number ' || employer
						from declaration_in d where not exists (select 1 from employer e where e.affiliation_number = d.employer)""");
				sqlRejections(statement, """
						select line, 'registration_number', 'known-member', 'no member with registration number ' || registration_number
						from declaration_in d where not exists (select 1 from member m where m.registration_number = d.registration_number)""");
				sqlRejections(statement, """
						select d.line, 'registration_number', 'salaried-enrolment', 'member ' || d.registration_number
						  || ' has no salaried period during ' || to_char(d.month, 'YYYY-MM')
						from declaration_in d join member m on m.registration_number = d.registration_number
						where not exists (select 1 from enrolment e where e.member_id = m.id and e.regime = 'SALARIED_PRIVATE'
						  and e.start_date < d.month + interval '1 month' and (e.end_date is null or e.end_date >= d.month))""");
				sqlRejections(statement, """
						select line, 'registration_number', 'unique-line', 'employee ' || registration_number
						  || ' is declared twice by the same employer for the same month (first on line ' || first || ')'
						from (select line, registration_number, min(line) over (partition by employer, month, registration_number) as first
						      from declaration_in) d where line <> first""");
				sqlRejections(statement, """
						select d.line, 'month', 'already-declared', 'employer ' || d.employer || ' already declared '
						  || to_char(d.month, 'YYYY-MM') || ' (declaration ' || x.id || ')'
						from declaration_in d join declaration x on x.employer = d.employer and x.month = d.month""");
				sqlRejections(statement, """
						select line, 'days', 'days-in-month', 'member ' || registration_number || ' is declared '
						  || total || ' days in ' || to_char(month, 'YYYY-MM') || ' by all employers of the file'
						from (select line, registration_number, month, sum(days) over (partition by registration_number, month) as total
						      from declaration_in) d
						where total > extract(day from month + interval '1 month' - interval '1 day')""");
			}
		}

		private void sqlRejections(Statement statement, String query) throws SQLException {
			try (ResultSet rs = statement.executeQuery(query)) {
				while (rs.next()) {
					reject(new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
				}
			}
		}

		private void merge(Connection connection, long importId) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				declarations = statement.executeUpdate("""
						insert into declaration (import_id, employer, month, employees, gross_total, employee_total,
						  employer_total, solidarity_total)
						select %d, employer, month, count(*), sum(gross_salary), sum(employee_share), sum(employer_share),
						  sum(solidarity_share)
						from declaration_in group by employer, month""".formatted(importId));
				statement.executeUpdate("""
						insert into declaration_line (declaration_id, line, member_id, days, gross_salary, employee_share,
						  employer_share, solidarity_share)
						select x.id, d.line, m.id, d.days, d.gross_salary, d.employee_share, d.employer_share, d.solidarity_share
						from declaration_in d join declaration x on x.employer = d.employer and x.month = d.month
						join member m on m.registration_number = d.registration_number
						where x.import_id = %d""".formatted(importId));
			}
			calls.callDeclarations(connection, importId);
		}

		long record(Connection connection, String fileName, String status, String failure) throws SQLException {
			try (var insert = connection.prepareStatement("""
					insert into declaration_import (file_name, status, lines, declarations, rejected, message)
					values (?, ?, ?, ?, ?, ?) returning id""")) {
				long count = "ACCEPTED".equals(status) ? countDeclarations(connection) : 0;
				insert.setString(1, fileName);
				insert.setString(2, status);
				insert.setLong(3, lines);
				insert.setLong(4, count);
				insert.setLong(5, rejected);
				insert.setString(6, failure != null ? failure : count + " declarations imported");
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
		}

		private long countDeclarations(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select count(*) from (select distinct employer, month from declaration_in) d")) {
				rs.next();
				return rs.getLong(1);
			}
		}

		void writeRejections(Connection connection, long importId) throws SQLException {
			try (var insert = connection.prepareStatement(
					"insert into declaration_rejection (import_id, line, field, rule, message) values (?, ?, ?, ?, ?)")) {
				for (Rejection r : report) {
					insert.setLong(1, importId);
					insert.setLong(2, r.line());
					insert.setString(3, r.field());
					insert.setString(4, r.rule());
					insert.setString(5, r.message());
					insert.addBatch();
				}
				insert.executeBatch();
			}
		}

		private void reject(Rejection rejection) {
			rejected++;
			if (report.size() < REPORT_LIMIT) {
				report.add(rejection);
			}
		}
	}

	private static String header(CsvRecord header, int[] positions) {
		List<String> names = header.getFields().stream().map(f -> f.strip().toLowerCase()).toList();
		for (int i = 0; i < COLUMNS.size(); i++) {
			positions[i] = names.indexOf(COLUMNS.get(i));
			if (positions[i] < 0) {
				return "the header has no column " + COLUMNS.get(i) + "; expected " + String.join(";", COLUMNS);
			}
		}
		return null;
	}

	private static String field(CsvRecord record, int position) {
		return position < record.getFieldCount() ? record.getField(position).strip() : "";
	}
}
