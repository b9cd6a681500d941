package ma.amo.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import ma.amo.claims.adjudication.CoveredAct;
import ma.amo.claims.adjudication.Explanation;
import ma.amo.claims.adjudication.LineDecision;
import ma.amo.shared.CopyText;
import ma.amo.shared.FieldCipher;
import ma.amo.shared.IdempotencyKey;
import ma.amo.shared.Money;
import ma.amo.shared.PageOf;
import ma.amo.shared.SearchFilters;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The claims and their lines, decisions and history, in PostgreSQL. */
@Component
class Claims {

	private static final String CLAIM = """
			select id, kind, status, submitter, idempotency_key, patient_idcs, care_date, filed_on, executing_inpe,
			  prescriber_inpe, establishment_inpe, ald_code, exemption_number, referral, prior_approval, attachments, regime,
			  billed, covered, patient_share, state_share, review_reasons, received_at, adjudicated_at, payer_body, member_idcs,
			  set_aside_at, referral_id
			from claim""";
	private static final String LINE_COLUMNS = """
			line_no, act_code, coefficient, medicine_code, quantity, billed, outcome, base, rate, covered, patient_share,
			  state_share""";
	private static final String SEPARATOR = "\n";

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final FieldCipher cipher;
	/** A claim's decision time is a business date (the payment batches' cut-off): the platform's clock, not the server's. */
	private final java.time.Clock clock;

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final DataSource dataSource;

	Claims(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource, FieldCipher cipher, java.time.Clock clock) {
		this.dataSource = dataSource;
		this.clock = clock;
		this.jdbc = jdbc;
		this.batch = batch;
		this.cipher = cipher;
	}

	long insert(String submitter, String key, String hash, ClaimRequest r) {
		BigDecimal billed = r.lines().stream().map(ClaimRequest.Line::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
		long id = jdbc.sql("""
				insert into claim (kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on,
				  executing_inpe, prescriber_inpe, establishment_inpe, ald_code, exemption_number, referral, prior_approval,
				  attachments, status, billed, referral_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?) returning id""")
			.params(r.kind().name(), submitter, key, hash, r.patientIdcs(), r.careDate(), r.filedOn(), r.executingInpe(),
					r.prescriberInpe(), r.establishmentInpe(),
					// The condition and the exemption tell a diagnosis: encrypted at rest (loi 09-08).
					cipher.encrypt(r.aldCode() == null ? null : r.aldCode().toString()), cipher.encrypt(r.exemptionNumber()),
					Boolean.TRUE.equals(r.referral()), r.priorApproval(), r.attachments() == null ? 0 : r.attachments().size(),
					billed, r.referralId())
			.query(Long.class).single();
		for (int i = 0; r.attachments() != null && i < r.attachments().size(); i++) {
			ClaimRequest.Attachment a = r.attachments().get(i);
			jdbc.sql("insert into claim_attachment (claim_id, attachment_no, type, file_name, pages, reference) values (?, ?, ?, ?, ?, ?)")
				.params(id, i + 1, a.type().name(), a.fileName(), a.pages(), a.reference()).update();
		}
		for (int i = 0; i < r.lines().size(); i++) {
			ClaimRequest.Line line = r.lines().get(i);
			jdbc.sql("insert into claim_line (claim_id, line_no, act_code, coefficient, medicine_code, quantity, billed) values (?, ?, ?, ?, ?, ?, ?)")
				// Numbered from 0, as the error paths name them (lines[0]).
				.params(id, i, line.actCode(), line.coefficient(), line.medicineCode(), line.quantity(), line.billed())
				.update();
		}
		event(id, ClaimStatus.RECEIVED, submitter, null);
		return id;
	}

	/** The claim filed earlier under the submitter's key, with the hash of its request. */
	/** Holds the submitter's key until the transaction ends (see {@link IdempotencyKey#hold}). */
	void hold(String submitter, String key) {
		IdempotencyKey.hold(jdbc, "claim\n" + submitter, key);
	}

	Optional<Keyed> byKey(String submitter, String key) {
		return jdbc.sql("select id, request_hash from claim where submitter = ? and idempotency_key = ?")
			.params(submitter, key).query((rs, n) -> new Keyed(rs.getLong(1), rs.getString(2))).optional();
	}

	record Keyed(long id, String hash) {
	}

	Optional<Claim> find(long id) {
		return withLines(jdbc.sql(CLAIM + " where id = ?").param(id).query((rs, n) -> claim(rs)).list())
			.stream().findFirst();
	}

	/** The claims of {@code ids} that exist, with their lines, in any order. */
	List<Claim> findAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withLines(jdbc.sql(CLAIM + " where id = any(?)").param(ids.stream().distinct().toArray(Long[]::new))
			.query((rs, n) -> claim(rs)).list());
	}

	/**
	 * A page of claims under the filters given, oldest first: an agent's work list (e.g. the claims in review). The
	 * decision instant is the adjudication's, or the receipt's while the claim waits: what a statement of the claim
	 * dates it by; {@code decidedFrom} included, {@code decidedBefore} excluded, either null for no bound.
	 */
	PageOf<Claim.Summary> search(Viewer viewer, ClaimStatus status, String patientIdcs, String executingInpe,
			String establishmentInpe, Instant decidedFrom, Instant decidedBefore, int page, int size) {
		return scope(new SearchFilters(), viewer).add("status = :status", "status", status == null ? null : status.name())
			.add("patient_idcs = :patient", "patient", patientIdcs)
			.add("executing_inpe = :executing", "executing", executingInpe)
			.add("establishment_inpe = :establishment", "establishment", establishmentInpe)
			.add("coalesce(adjudicated_at, received_at) >= :decidedFrom", "decidedFrom",
					decidedFrom == null ? null : java.time.OffsetDateTime.ofInstant(decidedFrom, java.time.ZoneOffset.UTC))
			.add("coalesce(adjudicated_at, received_at) < :decidedBefore", "decidedBefore",
					decidedBefore == null ? null : java.time.OffsetDateTime.ofInstant(decidedBefore, java.time.ZoneOffset.UTC))
			.page(jdbc, """
					select id, kind, status, patient_idcs, care_date, filed_on, executing_inpe, establishment_inpe, billed,
					  covered, review_reasons, received_at from claim""", "id", page, size, (rs, n) -> {
				String reviews = rs.getString("review_reasons");
				return new Claim.Summary(rs.getLong("id"), ClaimKind.valueOf(rs.getString("kind")),
						ClaimStatus.valueOf(rs.getString("status")), rs.getString("patient_idcs"),
						rs.getObject("care_date", LocalDate.class), rs.getObject("filed_on", LocalDate.class),
						rs.getString("executing_inpe"), rs.getString("establishment_inpe"),
						new Money(rs.getBigDecimal("billed")), money(rs, "covered"),
						reviews == null ? List.of() : Arrays.asList(reviews.split(SEPARATOR)),
						rs.getTimestamp("received_at").toInstant());
			});
	}

	/**
	 * Only the claims the viewer's scope covers: a provider's own, a member's family's, an agent's payer body's (and
	 * region's, where the patient lives in the register).
	 */
	private static SearchFilters scope(SearchFilters filters, Viewer viewer) {
		if (viewer == null) {
			return filters;
		}
		return switch (viewer.role()) {
			case PROVIDER -> filters.add("(executing_inpe = :me or establishment_inpe = :me or prescriber_inpe = :me)", "me",
					viewer.inpe());
			case MEMBER -> filters.add("(patient_idcs = :me or member_idcs = :me)", "me", viewer.idcs());
			// An agent of a region sees its patients' claims only, in lists as in single reads.
			case PAYER_AGENT -> filters.add("payer_body = :me", "me", viewer.payerBody())
				.add("exists (select 1 from person p where p.idcs = claim.patient_idcs and p.region = :region)", "region",
						viewer.region());
			default -> filters;
		};
	}

	/** Locks a claim still waiting for adjudication; empty when another worker has it or it is adjudicated. */
	Optional<Claim> lockReceived(long id) {
		return withLines(jdbc.sql(CLAIM + " where id = ? and status = 'RECEIVED' and set_aside_at is null for update skip locked").param(id)
			.query((rs, n) -> claim(rs)).list()).stream().findFirst();
	}

	/** Locks those of the claims still waiting for adjudication, in the order they came, skipping those another holds. */
	List<Claim> lockReceived(List<Long> ids) {
		return withLines(jdbc.sql(CLAIM + " where id = any(?) and status = 'RECEIVED' and set_aside_at is null order by id for update skip locked")
			.param(ids.toArray(Long[]::new)).query((rs, n) -> claim(rs)).list());
	}

	/**
	 * Locks up to {@code size} received claims of one worker's share, oldest first, skipping those another transaction
	 * holds. The patients are shared out between the workers, so all the claims of a patient go through the same
	 * worker in the order they came: what one claim covered is known when the next one is checked for duplicates and
	 * ceilings.
	 */
	List<Claim> lockReceived(int worker, int workers, int size) {
		return withLines(jdbc.sql(CLAIM + """
				 where status = 'RECEIVED' and set_aside_at is null and (hashtext(patient_idcs) & 2147483647) % ? = ?
				order by id limit ? for update skip locked""").params(workers, worker, size)
			.query((rs, n) -> claim(rs)).list());
	}

	/** The claims with their lines and attachments, read in two queries. */
	private List<Claim> withLines(List<Claim> claims) {
		if (claims.isEmpty()) {
			return claims;
		}
		Long[] ids = claims.stream().map(Claim::id).toArray(Long[]::new);
		Map<Long, Map<Integer, List<String>>> reasons = new HashMap<>();
		jdbc.sql("select claim_id, line_no, code, text from claim_line_reason where claim_id = any(?) order by claim_id, line_no, position")
			.param(ids)
			.query((RowCallbackHandler) rs -> reasons.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
				.computeIfAbsent(rs.getInt(2), n -> new ArrayList<>())
				.add(new Explanation(rs.getString(3), rs.getString(4), Map.of()).french()));
		Map<Long, List<Claim.Line>> lines = new HashMap<>();
		jdbc.sql("select claim_id, " + LINE_COLUMNS + " from claim_line where claim_id = any(?) order by claim_id, line_no")
			.param(ids)
			.query((RowCallbackHandler) rs -> lines.computeIfAbsent(rs.getLong("claim_id"), id -> new ArrayList<>())
				.add(line(rs, reasons.getOrDefault(rs.getLong("claim_id"), Map.of()).getOrDefault(rs.getInt("line_no"), List.of()))));
		Map<Long, List<ClaimRequest.Attachment>> attachments = new HashMap<>();
		jdbc.sql("""
				select claim_id, type, file_name, pages, reference from claim_attachment where claim_id = any(?)
				order by claim_id, attachment_no""")
			.param(ids)
			.query((RowCallbackHandler) rs -> attachments.computeIfAbsent(rs.getLong("claim_id"), id -> new ArrayList<>())
				.add(new ClaimRequest.Attachment(ClaimRequest.AttachmentType.valueOf(rs.getString("type")),
						rs.getString("file_name"), (Integer) rs.getObject("pages"), rs.getString("reference"))));
		return claims.stream()
			.map(c -> c.with(attachments.getOrDefault(c.id(), List.of()), lines.getOrDefault(c.id(), List.of())))
			.toList();
	}

	/** A claim's decisions, totals, reasons for review and the status it goes to. */
	record Adjudicated(long id, String regime, String payerBody, String memberIdcs, List<LineDecision> lines, Money covered, Money patientShare,
			Money stateShare, List<String> reviewReasons, ClaimStatus next, String comment) {
	}

	/**
	 * Stores the decisions of a chunk of claims, each claim's new status and both steps of its history, in batched
	 * statements, and the lines' reasons in one COPY: a few round trips for the whole chunk instead of several per
	 * claim.
	 */
	void saveAdjudications(List<Adjudicated> decided, String actor) {
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> claims = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		CopyText reasons = new CopyText();
		for (Adjudicated a : decided) {
			for (LineDecision d : a.lines()) {
				lines.add(new Object[] { d.outcome().name(), amount(d.base()), d.ratePercent(), d.covered().amount(),
						d.patientShare().amount(), d.stateShare().amount(), a.id(), d.line() });
				List<Explanation> explanations = d.reasons();
				for (int position = 0; position < explanations.size(); position++) {
					Explanation e = explanations.get(position);
					reasons.add(a.id()).add(d.line()).add(position).add(e.code()).add(e.text().isEmpty() ? null : e.text())
						.add(e.figures().isEmpty() ? null : JSON.writeValueAsString(e.figures())).end();
				}
			}
			claims.add(new Object[] { a.next().name(), a.regime(), a.payerBody(), a.memberIdcs(), a.covered().amount(),
					a.patientShare().amount(), a.stateShare().amount(),
					a.reviewReasons().isEmpty() ? null : String.join(SEPARATOR, a.reviewReasons()),
					a.next().decided() ? java.time.OffsetDateTime.now(clock) : null, a.id() });
			events.add(new Object[] { a.id(), ClaimStatus.ADJUDICATED.name(), actor, null });
			events.add(new Object[] { a.id(), a.next().name(), actor, a.comment() });
		}
		batch.batchUpdate("""
				update claim_line set outcome = ?, base = ?, rate = ?, covered = ?, patient_share = ?, state_share = ?
				where claim_id = ? and line_no = ?""", lines);
		reasons.copyInto(dataSource, "claim_line_reason (claim_id, line_no, position, code, text, figures)");
		// The claims are locked as received: a row not updated means something else changed a claim, and the chunk
		// is rolled back rather than stored over it.
		int[] updated = batch.batchUpdate("""
				update claim set status = ?, regime = ?, payer_body = ?, member_idcs = ?, covered = ?, patient_share = ?,
				  state_share = ?, review_reasons = ?, adjudicated_at = now(),
				  decided_at = ?::timestamptz where id = ? and status = 'RECEIVED' and set_aside_at is null""", claims);
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				throw new IllegalStateException("claim " + decided.get(i).id() + " is no longer waiting for adjudication");
			}
		}
		batch.batchUpdate("insert into claim_event (claim_id, status, actor, comment) values (?, ?, ?, ?)", events);
	}

	/**
	 * Stores the step a claim took (its status {@code to}, as the claim decided it) and the step in its history. The
	 * claim must still be in the status it was read in: a claim changed meanwhile refuses the step.
	 */
	void moved(Claim claim, ClaimStatus to, String actor, String comment) {
		int moved = jdbc.sql("update claim set status = ?, decided_at = ? where id = ? and status = ?")
			.params(to.name(), to.decided() || to == ClaimStatus.PAID ? java.time.OffsetDateTime.now(clock) : null, claim.id(),
					claim.status().name())
			.update();
		if (moved == 0) {
			throw new ClaimTransitionRefused(claim.id(), claim.status(), "unchanged", "it changed meanwhile, read it again");
		}
		event(claim.id(), to, actor, comment);
	}

	/** The claims, locked until the transaction ends, without their lines: one query for all of them. */
	List<Claim> lock(List<Long> ids) {
		return jdbc.sql(CLAIM + " where id = any(?) order by id for update").param(ids.toArray(Long[]::new))
			.query((rs, n) -> claim(rs)).list();
	}

	/** Stores the claims' step to PAID, as each claim decided it, and a step in each history, in batched statements. */
	void paid(List<Claim> claims, String actor, String comment, java.time.Instant paidAt) {
		batch.batchUpdate("update claim set status = 'PAID' where id = ? and status = ?",
				claims.stream().map(c -> new Object[] { c.id(), c.status().name() }).toList());
		// Dated by the batch's approval, the payment's business date, not by when this step is stored.
		java.sql.Timestamp at = java.sql.Timestamp.from(paidAt == null ? clock.instant() : paidAt);
		batch.batchUpdate("insert into claim_event (claim_id, status, actor, comment, at) values (?, 'PAID', ?, ?, ?)",
				claims.stream().map(c -> new Object[] { c.id(), actor, comment, at }).toList());
	}

	/** An agent's or a member's step: the comment may carry medical notes, so it is encrypted at rest. */
	private void event(long id, ClaimStatus status, String actor, String comment) {
		jdbc.sql("insert into claim_event (claim_id, status, actor, comment) values (?, ?, ?, ?)")
			.params(id, status.name(), actor, cipher.encrypt(comment)).update();
	}

	/**
	 * Whether the claim, now in review, was paid when it was contested: its last step before the review is PAID. Its
	 * review then says whether the money paid was due.
	 */
	/** The business clock's instant, which dates the claims' facts. */
	java.time.Instant now() {
		return clock.instant();
	}

	boolean paidBeforeReview(long id) {
		return jdbc.sql("select status from claim_event where claim_id = ? and status <> 'IN_REVIEW' order by id desc limit 1")
			.param(id).query(String.class).optional().filter("PAID"::equals).isPresent();
	}

	List<Claim.Event> history(long id) {
		return jdbc.sql("select at, status, actor, comment from claim_event where claim_id = ? order by id")
			.param(id)
			.query((rs, n) -> new Claim.Event(rs.getTimestamp("at").toInstant(), ClaimStatus.valueOf(rs.getString("status")),
					rs.getString("actor"), cipher.decrypt(rs.getString("comment"))))
			.list();
	}

	/** A patient's care by one provider on one day. */
	record SameDay(String patientIdcs, LocalDate careDate, String executingInpe) {
		static SameDay of(Claim claim) {
			return new SameDay(claim.patientIdcs(), claim.careDate(), claim.executingInpe());
		}
	}

	/**
	 * Acts already covered in adjudicated claims (lines not rejected) for each patient's care by the same provider on
	 * the same day as the given claims: what duplicates and second consultations are checked against. One query for
	 * a chunk of claims.
	 */
	Map<SameDay, List<CoveredAct>> coveredCodes(List<Claim> claims) {
		Map<SameDay, List<CoveredAct>> codes = new HashMap<>();
		if (claims.isEmpty()) {
			return codes;
		}
		jdbc.sql("""
				select c.patient_idcs, c.care_date, c.executing_inpe, coalesce(l.act_code, l.medicine_code), l.coefficient
				from claim c join claim_line l on l.claim_id = c.id
				where (c.patient_idcs, c.care_date, c.executing_inpe) in
				    (select * from unnest(?::text[], ?::date[], ?::text[]))
				  and c.status not in ('RECEIVED', 'REJECTED') and l.outcome <> 'REJECTED'""")
			.params(claims.stream().map(Claim::patientIdcs).toArray(String[]::new),
					claims.stream().map(c -> c.careDate().toString()).toArray(String[]::new),
					claims.stream().map(Claim::executingInpe).toArray(String[]::new))
			.query((RowCallbackHandler) rs -> codes
				.computeIfAbsent(new SameDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)),
						k -> new ArrayList<>())
				.add(new CoveredAct(rs.getString(4), rs.getBigDecimal(5))));
		return codes;
	}

	/** The amount other claims of the patient covered for a code with care from {@code from} to {@code to}. */
	Money coveredSince(long exceptClaim, String patientIdcs, String code, LocalDate from, LocalDate to) {
		return new Money(jdbc.sql("""
				select coalesce(sum(l.covered), 0) from claim c join claim_line l on l.claim_id = c.id
				where c.patient_idcs = ? and c.care_date between ? and ? and c.id <> ?
				  and c.status not in ('RECEIVED', 'REJECTED') and l.act_code = ? and l.outcome <> 'REJECTED'""")
			.params(patientIdcs, from, to, exceptClaim, code).query(BigDecimal.class).single());
	}

	private static Claim.Line line(ResultSet rs, List<String> reasons) throws SQLException {
		String outcome = rs.getString("outcome");
		return new Claim.Line(rs.getInt("line_no"), rs.getString("act_code"), rs.getBigDecimal("coefficient"),
				rs.getString("medicine_code"), (Integer) rs.getObject("quantity"), new Money(rs.getBigDecimal("billed")),
				outcome == null ? null : Claim.Outcome.valueOf(outcome), money(rs, "base"), (Integer) rs.getObject("rate"),
				money(rs, "covered"), money(rs, "patient_share"), money(rs, "state_share"),
				reasons);
	}

	/** A claim from its row, each field read by its column's name; its lines and attachments are added after. */
	private Claim claim(ResultSet rs) throws SQLException {
		String aldCode = cipher.decrypt(rs.getString("ald_code"));
		String reviews = rs.getString("review_reasons");
		Timestamp adjudicated = rs.getTimestamp("adjudicated_at");
		return new Claim(rs.getLong("id"), ClaimKind.valueOf(rs.getString("kind")),
				ClaimStatus.valueOf(rs.getString("status")), rs.getString("submitter"), rs.getString("idempotency_key"),
				rs.getString("patient_idcs"), rs.getObject("care_date", LocalDate.class),
				rs.getObject("filed_on", LocalDate.class), rs.getString("executing_inpe"), rs.getString("prescriber_inpe"),
				rs.getString("establishment_inpe"), aldCode == null ? null : Integer.valueOf(aldCode),
				cipher.decrypt(rs.getString("exemption_number")), rs.getBoolean("referral"), rs.getString("prior_approval"),
				List.of(), rs.getString("regime"), rs.getString("payer_body"), rs.getString("member_idcs"),
				new Money(rs.getBigDecimal("billed")), money(rs, "covered"), money(rs, "patient_share"),
				money(rs, "state_share"), reviews == null ? List.of() : Arrays.asList(reviews.split(SEPARATOR)),
				rs.getTimestamp("received_at").toInstant(), adjudicated == null ? null : adjudicated.toInstant(),
				rs.getTimestamp("set_aside_at") != null, List.of(), (Long) rs.getObject("referral_id"));
	}

	private static Money money(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : new Money(value);
	}

	private static BigDecimal amount(Money money) {
		return money == null ? null : money.amount();
	}
}
