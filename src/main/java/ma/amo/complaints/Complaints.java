package ma.amo.complaints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.FieldCipher;
import ma.amo.shared.IdempotencyKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The complaints, their history and notes, in PostgreSQL. */
@Component
class Complaints {

	private static final String COMPLAINT = """
			select id, complainant_kind, complainant_id, category, subject, description, claim_reference, status,
			  filed_on, acknowledgement_due, answer_due, acknowledged_on, assignee, answered_on, answer, escalated_on,
			  closed_on
			from complaint""";

	private final JdbcClient jdbc;
	private final FieldCipher cipher;

	/** What complainants and agents write may tell a diagnosis: description, answer, comments and notes are encrypted. */
	Complaints(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** The complaint the same account filed earlier under its key, with the hash of its request. */
	Optional<Keyed> byKey(String filer, String key) {
		return jdbc.sql("select id, request_hash from complaint where filed_by = ? and idempotency_key = ?")
			.params(filer, key)
			.query((rs, n) -> new Keyed(rs.getLong(1), rs.getString(2))).optional();
	}

	record Keyed(long id, String hash) {
	}

	/** Holds the filing account's key until the transaction ends (see {@link IdempotencyKey#hold}). */
	void hold(String filer, String key) {
		IdempotencyKey.hold(jdbc, "complaint\n" + filer, key);
	}

	/** Stores a new complaint and its FILED event; empty when a concurrent request stored one under the same key. */
	Optional<Long> insert(String filer, Complainant complainant, String key, String hash, Category category,
			String subject, String description, String claimReference, LocalDate filedOn, LocalDate acknowledgementDue,
			LocalDate answerDue) {
		Optional<Long> id = jdbc.sql("""
				insert into complaint (filed_by, complainant_kind, complainant_id, idempotency_key, request_hash, category,
				  subject, description, claim_reference, status, filed_on, acknowledgement_due, answer_due)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', ?, ?, ?)
				on conflict (filed_by, idempotency_key) do nothing returning id""")
			.params(filer, complainant.kind().name(), complainant.id(), key, hash, category.name(), subject,
					cipher.encrypt(description), claimReference, filedOn, acknowledgementDue, answerDue)
			.query(Long.class).optional();
		id.ifPresent(i -> event(i, filedOn, "FILE", ComplaintStatus.FILED, filer, null));
		return id;
	}

	Optional<Complaint> find(long id) {
		return jdbc.sql(COMPLAINT + " where id = ?").param(id).query((rs, n) -> complaint(rs)).optional();
	}

	/** Locks the complaint for a change of status, so two agents' steps never interleave. */
	Optional<Complaint> lock(long id) {
		return jdbc.sql(COMPLAINT + " where id = ? for update").param(id).query((rs, n) -> complaint(rs)).optional();
	}

	List<Complaint> ofComplainant(Complainant complainant) {
		return jdbc.sql(COMPLAINT + " where complainant_kind = ? and complainant_id = ? order by filed_on, id")
			.params(complainant.kind().name(), complainant.id()).query((rs, n) -> complaint(rs)).list();
	}

	void acknowledged(long id, LocalDate on) {
		jdbc.sql("update complaint set status = 'ACKNOWLEDGED', acknowledged_on = ? where id = ?").params(on, id).update();
	}

	void assigned(long id, String assignee) {
		jdbc.sql("update complaint set status = 'ASSIGNED', assignee = ? where id = ?").params(assignee, id).update();
	}

	void answered(long id, LocalDate on, String answer) {
		jdbc.sql("update complaint set status = 'ANSWERED', answered_on = ?, answer = ? where id = ?")
			.params(on, cipher.encrypt(answer), id).update();
	}

	void escalated(long id, LocalDate on) {
		jdbc.sql("update complaint set status = 'ESCALATED', escalated_on = ? where id = ?").params(on, id).update();
	}

	void closed(long id, LocalDate on) {
		jdbc.sql("update complaint set status = 'CLOSED', closed_on = ? where id = ?").params(on, id).update();
	}

	void event(long id, LocalDate on, String action, ComplaintStatus status, String actor, String comment) {
		jdbc.sql("insert into complaint_event (complaint_id, on_date, action, status, actor, comment) values (?, ?, ?, ?, ?, ?)")
			.params(id, on, action, status.name(), actor, cipher.encrypt(comment)).update();
	}

	void note(long id, String author, String text) {
		jdbc.sql("insert into complaint_note (complaint_id, author, text) values (?, ?, ?)")
			.params(id, author, cipher.encrypt(text)).update();
	}

	/**
	 * Complaints whose acknowledgement or answer was due before {@code date} and not done by then, oldest filed first.
	 * A step done after {@code date} still counts as missing on that date, so the list of a past day stays the same.
	 */
	List<Overdue> overdueOn(LocalDate date, int limit) {
		return jdbc.sql("""
				select id, complainant_kind, complainant_id, category, status, filed_on, acknowledgement_due, answer_due,
				  assignee,
				  case when acknowledged_on is null or acknowledged_on > :date then :date - acknowledgement_due end,
				  case when answered_on is null or answered_on > :date then :date - answer_due end
				from complaint
				where (acknowledgement_due < :date and (acknowledged_on is null or acknowledged_on > :date))
				   or (answer_due < :date and (answered_on is null or answered_on > :date))
				order by filed_on, id limit :limit""")
			.param("date", date).param("limit", limit)
			.query((rs, n) -> {
				Category category = Category.valueOf(rs.getString(4));
				ComplaintStatus status = ComplaintStatus.valueOf(rs.getString(5));
				Integer acknowledgementLate = late(rs, 10);
				Integer answerLate = late(rs, 11);
				return new Overdue(rs.getLong(1), new Complainant(Complainant.Kind.valueOf(rs.getString(2)), rs.getString(3)),
						category, category.label(), status, status.label(), rs.getObject(6, LocalDate.class),
						rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9),
						acknowledgementLate, answerLate,
						Math.max(acknowledgementLate == null ? 0 : acknowledgementLate, answerLate == null ? 0 : answerLate));
			})
			.list();
	}

	/** Days late, or null when the step is not late (yet). */
	private static Integer late(ResultSet rs, int column) throws SQLException {
		int days = rs.getInt(column);
		return rs.wasNull() || days <= 0 ? null : days;
	}

	private Complaint complaint(ResultSet rs) throws SQLException {
		long id = rs.getLong(1);
		Category category = Category.valueOf(rs.getString(4));
		ComplaintStatus status = ComplaintStatus.valueOf(rs.getString(8));
		return new Complaint(id, new Complainant(Complainant.Kind.valueOf(rs.getString(2)), rs.getString(3)), category,
				category.label(), rs.getString(5), cipher.decrypt(rs.getString(6)), rs.getString(7), status, status.label(),
				rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
				rs.getObject(12, LocalDate.class), rs.getString(13), rs.getObject(14, LocalDate.class),
				cipher.decrypt(rs.getString(15)),
				rs.getObject(16, LocalDate.class), rs.getObject(17, LocalDate.class), history(id), notes(id));
	}

	private List<Complaint.Event> history(long id) {
		return jdbc.sql("select on_date, at, action, status, actor, comment from complaint_event where complaint_id = ? order by id")
			.param(id)
			.query((rs, n) -> new Complaint.Event(rs.getObject(1, LocalDate.class), rs.getTimestamp(2).toInstant(),
					rs.getString(3), ComplaintStatus.valueOf(rs.getString(4)), rs.getString(5), cipher.decrypt(rs.getString(6))))
			.list();
	}

	private List<Complaint.Note> notes(long id) {
		return jdbc.sql("select at, author, text from complaint_note where complaint_id = ? order by id").param(id)
			.query((rs, n) -> new Complaint.Note(rs.getTimestamp(1).toInstant(), rs.getString(2), cipher.decrypt(rs.getString(3))))
			.list();
	}
}
