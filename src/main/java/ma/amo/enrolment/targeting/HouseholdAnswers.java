package ma.amo.enrolment.targeting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What goes back to the Interior ministry and to the agents: the answer file of a household file (one line per
 * household, its decision in force, the reason and the members' registration numbers, for the ministry to notify the
 * applicants) and the Achamil offers made to those who left Tadamon.
 */
@Service
public class HouseholdAnswers {

	/** The answer file's header; the columns are documented in the README ("Tadamon targeting in bulk"). */
	public static final String HEADER = "household_id,decision,reason_code,reason,decided_on,registration_numbers,"
			+ "achamil_monthly_amount";

	private static final int STREAMED = 1_000;

	private final JdbcClient jdbc;
	private final TargetingRuns runs;

	HouseholdAnswers(JdbcClient jdbc, TargetingRuns runs) {
		this.jdbc = jdbc;
		this.runs = runs;
	}

	/** Refuses, before anything is written, a job that is no household file or whose pass has not completed. */
	public void checkReady(long importJobId) {
		String kind = jdbc.sql("select kind from import_job where id = ?").param(importJobId).query(String.class)
			.optional().orElseThrow(() -> new NotFound("id", "no import job " + importJobId));
		if (!kind.equals("HOUSEHOLD")) {
			throw new InvalidInput("id", "household-file", "import job " + importJobId + " is an " + kind
					+ " extract, not a household file");
		}
		TargetingRun run = runs.ofJob(importJobId).orElseThrow(() -> new RuleBroken("id", "targeted",
				"the households of import job " + importJobId + " are not targeted yet"));
		if (run.status() != TargetingRun.Status.COMPLETED) {
			throw new RuleBroken("id", "targeted", "the targeting of import job " + importJobId + " is " + run.status());
		}
	}

	/**
	 * Writes the answer file of a household file as CSV, streamed through a cursor: a line per household of the file,
	 * with the decision in force today (a household that left Tadamon since shows it and its Achamil offer).
	 */
	@Transactional(readOnly = true)
	public void write(long importJobId, Writer out) {
		checkReady(importJobId);
		try {
			out.write(HEADER + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		jdbc.sql("""
				select f.household_id, d.outcome, d.reason_code, d.reason, d.decided_on,
				  (select string_agg(m.registration_number, ' ' order by x.relation desc, m.registration_number)
				   from household_member x join member m on m.idcs = x.idcs and m.payer_body = 'CNSS'
				   where x.household_id = f.household_id
				     and exists (select 1 from enrolment e where e.member_id = m.id and e.regime = 'TADAMON')),
				  (select o.monthly_amount from achamil_offer o join household_member h on h.idcs = o.idcs and h.relation = 'HEAD'
				   where o.household_id = f.household_id order by o.tadamon_ends_on desc limit 1)
				from household_file_entry f left join household_decision d on d.household_id = f.household_id
				where f.import_job_id = ? order by f.household_id""")
			.param(importJobId).withFetchSize(STREAMED)
			.query((RowCallbackHandler) rs -> line(rs, out));
	}

	private static void line(ResultSet rs, Writer out) throws SQLException {
		try {
			out.write(csv(rs.getString(1)) + "," + csv(rs.getString(2)) + "," + csv(rs.getString(3)) + ","
					+ csv(rs.getString(4)) + "," + csv(rs.getString(5)) + "," + csv(rs.getString(6)) + ","
					+ csv(rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).toPlainString()) + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A value quoted when it holds a separator, a quote or a line break; a value a spreadsheet would run is quoted too. */
	static String csv(String value) {
		if (value == null) {
			return "";
		}
		boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
		if (formula || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + (formula ? "'" : "") + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	/** Achamil offers, newest first, of a household or of a person (both optional). */
	@Transactional(readOnly = true)
	public PageOf<AchamilOffer> offers(String householdId, String idcs, int page, int size) {
		String where = " where (cast(:household as text) is null or o.household_id = :household)"
				+ " and (cast(:idcs as text) is null or o.idcs = :idcs)";
		List<AchamilOffer> offers = jdbc.sql("""
				select o.id, o.household_id, o.idcs, m.registration_number, o.offered_on, o.score, o.monthly_amount,
				  o.tadamon_ends_on, o.targeting_run_id
				from achamil_offer o join member m on m.id = o.member_id""" + where
				+ " order by o.id desc limit :size offset :offset")
			.param("household", householdId).param("idcs", idcs).param("size", size).param("offset", (long) page * size)
			.query((rs, n) -> new AchamilOffer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getObject(8, LocalDate.class), rs.getLong(9)))
			.list();
		long total = jdbc.sql("select count(*) from achamil_offer o" + where).param("household", householdId)
			.param("idcs", idcs).query(Long.class).single();
		return PageOf.of(offers, page, size, total);
	}
}
