package ma.amo.audit;

import static ma.amo.support.People.idcs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with the database's rights (triggers off) who edits a line and seals it and every later line again with a
 * plain SHA-256, as anyone can compute, is still caught: the seals are keyed with a key the database does not hold.
 */
@IntegrationTest
class AuditChainSealIntegrationTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aLineEditedAndResealedWithoutTheKeyIsReportedByTheVerification() throws Exception {
		String idcs = idcs();
		trail.record("agent-7", AuditEntry.Action.READ, "PERSON", idcs, "ELIGIBILITY_CHECK");
		trail.record("agent-8", AuditEntry.Action.READ, "PERSON", idcs(), "ELIGIBILITY_CHECK");
		trail.flush();
		assertThat(trail.verify().intact()).isTrue();
		long edited = jdbc.sql("select seq from audit_entry where record_id = ?").param(idcs).query(Long.class).single();
		String previous = jdbc.sql("select hash from audit_entry where seq < ? order by seq desc limit 1").param(edited)
			.query(String.class).optional().orElse(ChainHash.GENESIS);
		List<AuditEntry> original = jdbc.sql("select seq, at, actor, action, record_type, record_id, purpose, hash "
				+ "from audit_entry where seq >= ? order by seq").param(edited)
			.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getString(3),
					AuditEntry.Action.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.list();

		// The edit, then every seal from there recomputed as a plain hash chain.
		String seal = previous;
		StringBuilder forged = new StringBuilder("update audit_entry set actor = 'agent-9' where seq = " + edited + ";");
		for (AuditEntry e : original) {
			String actor = e.seq() == edited ? "agent-9" : e.actor();
			seal = sha256(seal, e.seq(), ChainHash.stored(e.at()).toString(), actor, e.action().name(), e.recordType(), e.recordId(),
					e.purpose());
			forged.append("update audit_entry set hash = '").append(seal).append("' where seq = ").append(e.seq()).append(';');
		}
		asReplica(forged.toString());
		try {
			Verification verification = trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenAt()).isEqualTo(edited);
		}
		finally {
			StringBuilder restore = new StringBuilder("update audit_entry set actor = 'agent-7' where seq = " + edited + ";");
			original.forEach(e -> restore.append("update audit_entry set hash = '").append(e.hash())
				.append("' where seq = ").append(e.seq()).append(';'));
			asReplica(restore.toString());
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void aHeadKeptOutsideTheDatabaseShowsLinesRemovedFromTheEndOfTheChain() {
		trail.record("agent-7", AuditEntry.Action.READ, "PERSON", idcs(), "ELIGIBILITY_CHECK");
		trail.flush();
		Verification kept = trail.verify();
		assertThat(trail.verify(kept.lastSeq(), kept.lastHash()).intact()).isTrue();
		AuditEntry last = jdbc.sql("select seq, at, actor, action, record_type, record_id, purpose, hash from audit_entry "
				+ "where seq = ?").param(kept.lastSeq())
			.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
					rs.getString(3), AuditEntry.Action.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
					rs.getString(7), rs.getString(8)))
			.single();

		// The last line removed: no gap in what is left, but the head kept no longer matches.
		asReplica("delete from audit_entry where seq = " + last.seq());
		try {
			assertThat(trail.verify().intact()).isTrue();
			Verification verification = trail.verify(kept.lastSeq(), kept.lastHash());
			assertThat(verification.intact()).isFalse();
			assertThat(verification.brokenAt()).isEqualTo(kept.lastSeq());
			assertThat(verification.problem()).contains("missing");
		}
		finally {
			asReplica("""
					insert into audit_entry (seq, at, actor, action, record_type, record_id, purpose, hash)
					values (%d, '%s', '%s', '%s', '%s', '%s', '%s', '%s')""".formatted(last.seq(), last.at(), last.actor(),
					last.action(), last.recordType(), last.recordId(), last.purpose(), last.hash()));
		}
		assertThat(trail.verify(kept.lastSeq(), kept.lastHash()).intact()).isTrue();
		assertThat(trail.verify(kept.lastSeq(), "0".repeat(64)).problem()).contains("changed");
	}

	/** The seal anyone can compute: SHA-256 of the previous seal and the line's fields, each with its length. */
	private static String sha256(String... fields) throws Exception {
		StringBuilder content = new StringBuilder();
		for (String field : fields) {
			content.append(field.length()).append(':').append(field).append('|');
		}
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
			.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static String sha256(String previous, long seq, String at, String... rest) throws Exception {
		String[] fields = new String[rest.length + 3];
		fields[0] = previous;
		fields[1] = Long.toString(seq);
		fields[2] = at;
		System.arraycopy(rest, 0, fields, 3, rest.length);
		return sha256(fields);
	}

	private void asReplica(String sql) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local session_replication_role = replica").update();
			for (String statement : sql.split(";")) {
				if (!statement.isBlank()) {
					jdbc.sql(statement).update();
				}
			}
		});
	}
}
