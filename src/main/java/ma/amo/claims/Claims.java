package ma.amo.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ma.amo.claims.adjudication.LineDecision;
import ma.amo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The claims and their lines, decisions and history, in PostgreSQL. */
@Component
class Claims {

	private static final String CLAIM = """
			select id, kind, status, submitter, idempotency_key, patient_idcs, care_date, filed_on, executing_inpe,
			  prescriber_inpe, establishment_inpe, ald_code, exemption_number, referral, prior_approval, attachments, regime,
			  billed, covered, patient_share, state_share, review_reasons, received_at, adjudicated_at
			from claim""";
	private static final String LINE = """
			select line_no, act_code, coefficient, medicine_code, quantity, billed, outcome, base, rate, covered,
			  patient_share, state_share, reasons
			from claim_line where claim_id = ? order by line_no""";
	private static final String SEPARATOR = "\n";

	private final JdbcClient jdbc;

	Claims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String submitter, String key, String hash, ClaimRequest r) {
		BigDecimal billed = r.lines().stream().map(ClaimRequest.Line::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
		long id = jdbc.sql("""
				insert into claim (kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on,
				  executing_inpe, prescriber_inpe, establishment_inpe, ald_code, exemption_number, referral, prior_approval,
				  attachments, status, billed)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?) returning id""")
			.params(r.kind().name(), submitter, key, hash, r.patientIdcs(), r.careDate(), r.filedOn(), r.executingInpe(),
					r.prescriberInpe(), r.establishmentInpe(), r.aldCode(), r.exemptionNumber(),
					Boolean.TRUE.equals(r.referral()), r.priorApproval(), r.attachments() == null ? 0 : r.attachments(),
					billed)
			.query(Long.class).single();
		for (int i = 0; i < r.lines().size(); i++) {
			ClaimRequest.Line line = r.lines().get(i);
			jdbc.sql("insert into claim_line (claim_id, line_no, act_code, coefficient, medicine_code, quantity, billed) values (?, ?, ?, ?, ?, ?, ?)")
				.params(id, i + 1, line.actCode(), line.coefficient(), line.medicineCode(), line.quantity(), line.billed())
				.update();
		}
		event(id, ClaimStatus.RECEIVED, submitter, null);
		return id;
	}

	/** The claim filed earlier under the submitter's key, with the hash of its request. */
	Optional<Keyed> byKey(String submitter, String key) {
		return jdbc.sql("select id, request_hash from claim where submitter = ? and idempotency_key = ?")
			.params(submitter, key).query((rs, n) -> new Keyed(rs.getLong(1), rs.getString(2))).optional();
	}

	record Keyed(long id, String hash) {
	}

	Optional<Claim> find(long id) {
		return jdbc.sql(CLAIM + " where id = ?").param(id).query((rs, n) -> claim(rs, lines(rs.getLong(1)))).optional();
	}

	/** Locks a claim still waiting for adjudication; empty when another worker has it or it is adjudicated. */
	Optional<Claim> lockReceived(long id) {
		return jdbc.sql(CLAIM + " where id = ? and status = 'RECEIVED' for update skip locked").param(id)
			.query((rs, n) -> claim(rs, lines(rs.getLong(1)))).optional();
	}

	List<Long> received(int limit) {
		return jdbc.sql("select id from claim where status = 'RECEIVED' order by id limit ?").param(limit)
			.query(Long.class).list();
	}

	void saveAdjudication(long id, String regime, List<LineDecision> lines, Totals totals, List<String> reviewReasons) {
		for (LineDecision d : lines) {
			jdbc.sql("""
					update claim_line set outcome = ?, base = ?, rate = ?, covered = ?, patient_share = ?, state_share = ?,
					  reasons = ? where claim_id = ? and line_no = ?""")
				.params(d.outcome().name(), amount(d.base()), d.ratePercent(), d.covered().amount(),
						d.patientShare().amount(), d.stateShare().amount(), String.join(SEPARATOR, d.reasons()), id,
						d.line())
				.update();
		}
		jdbc.sql("""
				update claim set regime = ?, covered = ?, patient_share = ?, state_share = ?, review_reasons = ?,
				  adjudicated_at = now() where id = ?""")
			.params(regime, totals.covered().amount(), totals.patientShare().amount(), totals.stateShare().amount(),
					reviewReasons.isEmpty() ? null : String.join(SEPARATOR, reviewReasons), id)
			.update();
	}

	record Totals(Money covered, Money patientShare, Money stateShare) {
	}

	/** Adjudicated, then where it goes next: one update of the claim, both steps in its history. */
	void adjudicated(long id, ClaimStatus next, String actor, String comment) {
		jdbc.sql("update claim set status = ? where id = ?").params(next.name(), id).update();
		jdbc.sql("insert into claim_event (claim_id, status, actor, comment) values (?, 'ADJUDICATED', ?, null), (?, ?, ?, ?)")
			.params(id, actor, id, next.name(), actor, comment).update();
	}

	void status(long id, ClaimStatus status, String actor, String comment) {
		jdbc.sql("update claim set status = ? where id = ?").params(status.name(), id).update();
		event(id, status, actor, comment);
	}

	private void event(long id, ClaimStatus status, String actor, String comment) {
		jdbc.sql("insert into claim_event (claim_id, status, actor, comment) values (?, ?, ?, ?)")
			.params(id, status.name(), actor, comment).update();
	}

	List<Claim.Event> history(long id) {
		return jdbc.sql("select at, status, actor, comment from claim_event where claim_id = ? order by id")
			.param(id)
			.query((rs, n) -> new Claim.Event(rs.getTimestamp(1).toInstant(), ClaimStatus.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	/**
	 * Codes already covered for the patient by the same provider on the day, in other adjudicated claims (lines not
	 * rejected): what duplicates and second consultations are checked against.
	 */
	List<String> coveredCodes(long exceptClaim, String patientIdcs, String executingInpe, LocalDate careDate) {
		return jdbc.sql("""
				select coalesce(l.act_code, l.medicine_code) from claim c join claim_line l on l.claim_id = c.id
				where c.patient_idcs = ? and c.care_date = ? and c.executing_inpe = ? and c.id <> ?
				  and c.status not in ('RECEIVED', 'REJECTED') and l.outcome <> 'REJECTED'""")
			.params(patientIdcs, careDate, executingInpe, exceptClaim).query(String.class).list();
	}

	/** The amount other claims of the patient covered for a code with care from {@code from} to {@code to}. */
	Money coveredSince(long exceptClaim, String patientIdcs, String code, LocalDate from, LocalDate to) {
		return new Money(jdbc.sql("""
				select coalesce(sum(l.covered), 0) from claim c join claim_line l on l.claim_id = c.id
				where c.patient_idcs = ? and c.care_date between ? and ? and c.id <> ?
				  and c.status not in ('RECEIVED', 'REJECTED') and l.act_code = ? and l.outcome <> 'REJECTED'""")
			.params(patientIdcs, from, to, exceptClaim, code).query(BigDecimal.class).single());
	}

	private List<Claim.Line> lines(long claimId) {
		return jdbc.sql(LINE).param(claimId).query((rs, n) -> {
			String outcome = rs.getString(7);
			String reasons = rs.getString(13);
			return new Claim.Line(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					(Integer) rs.getObject(5), new Money(rs.getBigDecimal(6)),
					outcome == null ? null : Claim.Outcome.valueOf(outcome), money(rs, 8), (Integer) rs.getObject(9),
					money(rs, 10), money(rs, 11), money(rs, 12),
					reasons == null ? List.of() : Arrays.asList(reasons.split(SEPARATOR)));
		}).list();
	}

	private static Claim claim(ResultSet rs, List<Claim.Line> lines) throws SQLException {
		String reviews = rs.getString(22);
		Timestamp adjudicated = rs.getTimestamp(24);
		return new Claim(rs.getLong(1), ClaimKind.valueOf(rs.getString(2)), ClaimStatus.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10), rs.getString(11),
				(Integer) rs.getObject(12), rs.getString(13), rs.getBoolean(14), rs.getString(15), rs.getInt(16),
				rs.getString(17), new Money(rs.getBigDecimal(18)), money(rs, 19), money(rs, 20), money(rs, 21),
				reviews == null ? List.of() : Arrays.asList(reviews.split(SEPARATOR)), rs.getTimestamp(23).toInstant(),
				adjudicated == null ? null : adjudicated.toInstant(), lines);
	}

	private static Money money(ResultSet rs, int column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : new Money(value);
	}

	private static BigDecimal amount(Money money) {
		return money == null ? null : money.amount();
	}
}
