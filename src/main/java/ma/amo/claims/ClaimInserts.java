package ma.amo.claims;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import ma.amo.shared.CopyText;
import ma.amo.shared.FieldCipher;
import ma.amo.shared.IdempotencyKey;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A batch of new claims written together: their keys held in one statement, their earlier uses read in one query,
 * and the claims, lines, attachments and first steps of their history copied in one COPY per table. The rows are
 * those {@link Claims#insert} writes one claim at a time, column for column.
 */
@Component
class ClaimInserts {

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final FieldCipher cipher;

	ClaimInserts(JdbcClient jdbc, DataSource dataSource, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.cipher = cipher;
	}

	/** A submitter's key. */
	record Key(String submitter, String key) {
	}

	/** A claim to store: its submitter, key, request and the request's hash. */
	record New(Key key, String hash, ClaimRequest request) {
	}

	/** Holds the keys until the transaction ends, as {@link Claims#hold} holds one. */
	void hold(List<Key> keys) {
		IdempotencyKey.holdAll(jdbc, keys.stream().map(k -> "claim\n" + k.submitter() + "\n" + k.key()).toList());
	}

	/** The claims filed earlier under any of the keys, with the hashes of their requests. */
	Map<Key, Claims.Keyed> byKeys(List<Key> keys) {
		Map<Key, Claims.Keyed> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select c.submitter, c.idempotency_key, c.id, c.request_hash from claim c
				join unnest(?::text[], ?::text[]) k (submitter, idempotency_key)
				  on c.submitter = k.submitter and c.idempotency_key = k.idempotency_key""")
			.params(keys.stream().map(Key::submitter).toArray(String[]::new),
					keys.stream().map(Key::key).toArray(String[]::new))
			.query((RowCallbackHandler) rs -> found.put(new Key(rs.getString(1), rs.getString(2)),
					new Claims.Keyed(rs.getLong(3), rs.getString(4))));
		return found;
	}

	/** Numbers for {@code count} new claims, drawn from the claims' own sequence. */
	List<Long> ids(int count) {
		return jdbc.sql("select nextval(pg_get_serial_sequence('claim', 'id')) from generate_series(1, ?)")
			.param(count).query(Long.class).list();
	}

	/** Stores the claims under the ids given, received, each with its lines, attachments and first step. */
	void insert(List<New> claims, List<Long> ids) {
		CopyText rows = new CopyText();
		CopyText lines = new CopyText();
		CopyText attachments = new CopyText();
		CopyText events = new CopyText();
		for (int n = 0; n < claims.size(); n++) {
			New claim = claims.get(n);
			ClaimRequest r = claim.request();
			long id = ids.get(n);
			BigDecimal billed = r.lines().stream().map(ClaimRequest.Line::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
			String submitter = claim.key().submitter().strip();
			rows.add(id).add(r.kind().name()).add(submitter).add(claim.key().key()).add(claim.hash())
				.add(r.patientIdcs()).add(r.careDate()).add(r.filedOn()).add(r.executingInpe()).add(r.prescriberInpe())
				.add(r.establishmentInpe())
				// The condition and the exemption tell a diagnosis: encrypted at rest (loi 09-08).
				.add(cipher.encrypt(r.aldCode() == null ? null : r.aldCode().toString()))
				.add(cipher.encrypt(r.exemptionNumber())).add(Boolean.TRUE.equals(r.referral()))
				.add(r.priorApproval()).add(r.attachments() == null ? 0 : r.attachments().size()).add("RECEIVED")
				.add(billed.toPlainString()).add(r.referralId());
			rows.end();
			for (int i = 0; r.attachments() != null && i < r.attachments().size(); i++) {
				ClaimRequest.Attachment a = r.attachments().get(i);
				attachments.add(id).add(i + 1).add(a.type().name()).add(a.fileName()).add(a.pages()).add(a.reference());
				attachments.end();
			}
			for (int i = 0; i < r.lines().size(); i++) {
				ClaimRequest.Line line = r.lines().get(i);
				// Numbered from 0, as the error paths name them (lines[0]).
				lines.add(id).add(i).add(line.actCode()).add(plain(line.coefficient())).add(line.medicineCode())
					.add(line.quantity()).add(plain(line.billed()));
				lines.end();
			}
			events.add(id).add(ClaimStatus.RECEIVED.name()).add(submitter).add((String) null);
			events.end();
		}
		rows.copyInto(dataSource, """
				claim (id, kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on,
				  executing_inpe, prescriber_inpe, establishment_inpe, ald_code, exemption_number, referral, prior_approval,
				  attachments, status, billed, referral_id)""");
		attachments.copyInto(dataSource, "claim_attachment (claim_id, attachment_no, type, file_name, pages, reference)");
		lines.copyInto(dataSource, "claim_line (claim_id, line_no, act_code, coefficient, medicine_code, quantity, billed)");
		events.copyInto(dataSource, "claim_event (claim_id, status, actor, comment)");
	}

	private static String plain(BigDecimal amount) {
		return amount == null ? null : amount.toPlainString();
	}
}
