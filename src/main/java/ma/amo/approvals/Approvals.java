package ma.amo.approvals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.FieldCipher;
import ma.amo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored prior approvals, read by column name; the medical note is encrypted at rest. */
@Repository
class Approvals {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final FieldCipher cipher;

	Approvals(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** A request as it is first stored, with its pre-check and due date. */
	record New(String filedBy, String key, String hash, ApprovalRequest request, String regime, String payerBody,
			List<Approval.Finding> preCheck, Money estimateBilled, Money estimateCovered, ApprovalStatus status,
			LocalDateTime receivedAt, LocalDateTime dueAt, String rejection) {
	}

	/** The id and content hash of the request stored under an establishment's key. */
	record Keyed(long id, String hash) {
	}

	Optional<Keyed> byKey(String establishmentInpe, String key) {
		return jdbc.sql("select id, request_hash from prior_approval where establishment_inpe = ? and idempotency_key = ?")
			.params(establishmentInpe, key).query((rs, n) -> new Keyed(rs.getLong(1), rs.getString(2))).optional();
	}

	/** Stores the request, or nothing when another call stored one under the same key first. */
	Optional<Long> insert(New n) {
		ApprovalRequest r = n.request();
		long number = jdbc.sql("select nextval('prior_approval_number')").query(Long.class).single();
		String reference = "PA-" + n.receivedAt().getYear() + "-" + String.format("%06d", number);
		return jdbc.sql("""
				insert into prior_approval (reference, filed_by, idempotency_key, request_hash, establishment_inpe,
				  patient_idcs, care_type, expected_start, stay_days, sessions_requested, protocol, lines, attachments,
				  medical_note, renews, regime, payer_body, pre_check, estimate_billed, estimate_covered, status,
				  received_at, due_at, decided_by, decided_at, decision_reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (establishment_inpe, idempotency_key) do nothing
				returning id""")
			.params(reference, n.filedBy(), n.key(), n.hash(), r.establishmentInpe().strip(), r.patientIdcs().strip(),
					r.careType().name(), r.expectedStart(), r.stayDays(), r.sessions(), blankToNull(r.protocol()),
					JSON.writeValueAsString(r.lines()), JSON.writeValueAsString(r.attachments() == null ? List.of() : r.attachments()),
					cipher.encrypt(r.medicalNote().strip()), blankToNull(r.renews()), n.regime(), n.payerBody(),
					JSON.writeValueAsString(n.preCheck()), amount(n.estimateBilled()), amount(n.estimateCovered()),
					n.status().name(), Timestamp.valueOf(n.receivedAt()), Timestamp.valueOf(n.dueAt()),
					n.rejection() == null ? null : "pre-check", n.rejection() == null ? null : Timestamp.valueOf(n.receivedAt()),
					n.rejection())
			.query(Long.class).optional();
	}

	Optional<Approval> find(long id) {
		return jdbc.sql("select * from prior_approval where id = ?").param(id).query(this::approval).optional();
	}

	Optional<Approval> byReference(String reference) {
		return jdbc.sql("select * from prior_approval where reference = ?").param(reference).query(this::approval).optional();
	}

	/** The approval locked until the end of the transaction: two decisions never cross. */
	Optional<Approval> lock(String reference) {
		return jdbc.sql("select * from prior_approval where reference = ? for update").param(reference)
			.query(this::approval).optional();
	}

	List<Approval> ofPatient(String idcs, int limit) {
		return jdbc.sql("select * from prior_approval where patient_idcs = ? order by received_at desc, id desc limit ?")
			.params(idcs, limit).query(this::approval).list();
	}

	/** Requests waiting for a reviewer, the earliest due first. */
	/** One page of an establishment's approvals, newest first, in one status or all; and how many there are. */
	List<Approval> ofEstablishment(String inpe, ApprovalStatus status, int offset, int limit) {
		return jdbc.sql("""
				select * from prior_approval where establishment_inpe = :inpe and (cast(:status as text) is null or status = :status)
				order by received_at desc, id desc offset :offset limit :limit""")
			.param("inpe", inpe).param("status", status == null ? null : status.name()).param("offset", offset)
			.param("limit", limit).query(this::approval).list();
	}

	long countOfEstablishment(String inpe, ApprovalStatus status) {
		return jdbc.sql("""
				select count(*) from prior_approval where establishment_inpe = :inpe
				and (cast(:status as text) is null or status = :status)""")
			.param("inpe", inpe).param("status", status == null ? null : status.name()).query(Long.class).single();
	}

	List<Approval> pending(int limit) {
		return jdbc.sql("select * from prior_approval where status = 'PENDING' order by due_at, id limit ?")
			.param(limit).query(this::approval).list();
	}

	/** Pending requests whose due date passed at {@code at}, the longest overdue first. */
	List<Approval> overdueAt(LocalDateTime at, int limit) {
		return jdbc.sql("select * from prior_approval where status = 'PENDING' and due_at < ? order by due_at, id limit ?")
			.params(Timestamp.valueOf(at), limit).query(this::approval).list();
	}

	/** The requests awaiting a reviewer or an establishment's answer, of one patient, locked. */
	List<Approval> lockPendingOf(String idcs) {
		return jdbc.sql("""
				select * from prior_approval where patient_idcs = ? and status in ('PENDING', 'MORE_INFORMATION_REQUESTED')
				order by id for update""")
			.param(idcs).query(this::approval).list();
	}

	/** The patients of the requests awaiting a reviewer or an establishment's answer. */
	List<String> pendingPatients() {
		return jdbc.sql("""
				select distinct patient_idcs from prior_approval where status in ('PENDING', 'MORE_INFORMATION_REQUESTED')
				order by patient_idcs""")
			.query(String.class).list();
	}

	/** Replaces the request's pre-check findings. */
	void preCheck(long id, List<Approval.Finding> findings) {
		jdbc.sql("update prior_approval set pre_check = ?::jsonb where id = ?")
			.params(JSON.writeValueAsString(findings), id).update();
	}

	/** Records a transition: the new state and the step of the history. */
	void apply(long id, Approval.Change change, String actor, LocalDateTime at) {
		Approval.Decision d = change.decision();
		jdbc.sql("""
				update prior_approval set status = ?, due_at = ?, question = ?, answer = ?, decided_by = ?, decided_at = ?,
				  decision_reason = ?, approved_amount = ?, valid_from = ?, valid_until = ?, sessions_approved = ?
				where id = ?""")
			.params(change.status().name(), Timestamp.valueOf(change.dueAt()), change.question(), change.answer(),
					d == null ? null : d.by(), d == null || d.at() == null ? null : Timestamp.valueOf(d.at()),
					d == null ? null : d.reason(), d == null ? null : amount(d.amount()), d == null ? null : d.validFrom(),
					d == null ? null : d.validUntil(), d == null ? null : d.sessions(), id)
			.update();
		step(id, at, change.action(), change.status(), actor, change.comment());
	}

	void step(long id, LocalDateTime at, String action, ApprovalStatus status, String actor, String comment) {
		jdbc.sql("insert into prior_approval_step (approval_id, at, action, status, actor, comment) values (?, ?, ?, ?, ?, ?)")
			.params(id, Timestamp.valueOf(at), action, status.name(), actor, comment).update();
	}

	/** What an invoice line checks of an approval: no medical note, no history. */
	record Usable(long id, String patientIdcs, ApprovalStatus status, List<ApprovalRequest.Line> lines,
			LocalDate validFrom, LocalDate validUntil, Money amount, Integer sessions, Money amountUsed, int sessionsUsed) {
	}

	/** The approval as an invoice uses it, locked until the end of the transaction. */
	Optional<Usable> lockForUse(String reference) {
		return jdbc.sql("""
				select id, patient_idcs, status, lines, valid_from, valid_until, approved_amount, sessions_approved,
				  amount_used, sessions_used
				from prior_approval where reference = ? for update""")
			.param(reference)
			.query((rs, n) -> new Usable(rs.getLong("id"), rs.getString("patient_idcs"),
					ApprovalStatus.valueOf(rs.getString("status")),
					JSON.readValue(rs.getString("lines"), new TypeReference<List<ApprovalRequest.Line>>() { }),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
					money(rs.getBigDecimal("approved_amount")), (Integer) rs.getObject("sessions_approved"),
					new Money(rs.getBigDecimal("amount_used")), rs.getInt("sessions_used")))
			.optional();
	}

	/** Whether care of that day and code already used the approval. */
	boolean used(long id, LocalDate careDate, String code) {
		return jdbc.sql("select exists (select 1 from prior_approval_use where approval_id = ? and care_date = ? and code = ?)")
			.params(id, careDate, code).query(Boolean.class).single();
	}

	/** Records what care of a day and code uses of the approval, and adds it to what the approval has used. */
	void use(long id, LocalDate careDate, String code, long claimId, Money amount, int sessions, LocalDateTime at) {
		jdbc.sql("""
				insert into prior_approval_use (approval_id, care_date, code, claim_id, amount, sessions, used_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, careDate, code, claimId, amount.amount(), sessions, Timestamp.valueOf(at)).update();
		jdbc.sql("update prior_approval set amount_used = amount_used + ?, sessions_used = sessions_used + ? where id = ?")
			.params(amount.amount(), sessions, id).update();
	}

	/** What a claim used of an approval, given back: its amount and sessions. */
	record Released(Money amount, int sessions) {
	}

	/**
	 * Removes what the claim used of the approval and takes it off what the approval has used; empty when the claim
	 * used nothing of it (or it was given back already).
	 */
	Optional<Released> release(long id, long claimId) {
		Optional<Released> released = jdbc.sql("""
				with gone as (delete from prior_approval_use where approval_id = ? and claim_id = ? returning amount, sessions)
				select count(*), coalesce(sum(amount), 0), coalesce(sum(sessions), 0) from gone""")
			.params(id, claimId)
			.query((rs, n) -> rs.getLong(1) == 0 ? Optional.<Released>empty()
					: Optional.of(new Released(new Money(rs.getBigDecimal(2)), rs.getInt(3))))
			.single();
		released.ifPresent(r -> jdbc.sql(
				"update prior_approval set amount_used = amount_used - ?, sessions_used = sessions_used - ? where id = ?")
			.params(r.amount().amount(), r.sessions(), id).update());
		return released;
	}

	private List<Approval.Step> history(long id) {
		return jdbc.sql("select at, action, status, actor, comment from prior_approval_step where approval_id = ? order by id")
			.param(id)
			.query((rs, n) -> new Approval.Step(rs.getTimestamp("at").toLocalDateTime(), rs.getString("action"),
					ApprovalStatus.valueOf(rs.getString("status")), rs.getString("actor"), rs.getString("comment")))
			.list();
	}

	private Approval approval(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		BigDecimal approved = rs.getBigDecimal("approved_amount");
		String decidedBy = rs.getString("decided_by");
		Approval.Decision decision = decidedBy == null ? null
				: new Approval.Decision(decidedBy, time(rs, "decided_at"), rs.getString("decision_reason"),
						approved == null ? null : new Money(approved), rs.getObject("valid_from", LocalDate.class),
						rs.getObject("valid_until", LocalDate.class), (Integer) rs.getObject("sessions_approved"));
		return new Approval(id, rs.getString("reference"), ApprovalStatus.valueOf(rs.getString("status")),
				rs.getString("patient_idcs"), rs.getString("establishment_inpe"), CareType.valueOf(rs.getString("care_type")),
				rs.getObject("expected_start", LocalDate.class), (Integer) rs.getObject("stay_days"),
				(Integer) rs.getObject("sessions_requested"), rs.getString("protocol"),
				JSON.readValue(rs.getString("lines"), new TypeReference<List<ApprovalRequest.Line>>() { }),
				JSON.readValue(rs.getString("attachments"), new TypeReference<List<ApprovalRequest.Attachment>>() { }),
				cipher.decrypt(rs.getString("medical_note")), rs.getString("renews"), rs.getString("regime"),
				rs.getString("payer_body"),
				JSON.readValue(rs.getString("pre_check"), new TypeReference<List<Approval.Finding>>() { }),
				money(rs.getBigDecimal("estimate_billed")), money(rs.getBigDecimal("estimate_covered")),
				rs.getString("filed_by"), time(rs, "received_at"), time(rs, "due_at"), rs.getString("question"),
				rs.getString("answer"), decision, new Money(rs.getBigDecimal("amount_used")), rs.getInt("sessions_used"),
				history(id));
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toLocalDateTime();
	}

	private static Money money(BigDecimal amount) {
		return amount == null ? null : new Money(amount);
	}

	private static BigDecimal amount(Money money) {
		return money == null ? null : money.amount();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
