package ma.amo.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Amounts paid too much on a claim (indus) and their recovery. When the claims module tells that a paid claim was
 * decided again for less ({@link PaidClaimRevised}), the difference is owed by the payee of the transfer that paid it
 * and recorded OPEN. The next batch of the same payer body nets it against that payee's transfer: the transfer is
 * reduced by what is owed, never below zero, and what a transfer cannot take waits for the following batches. Each
 * netting is a line of the payee's statements; an overpayment netted whole is RECOVERED. A netting is undone when its
 * batch is cancelled or the bank rejects its transfer (the payee received nothing, so nothing was recovered). Finance
 * may cancel an open overpayment with a reason (a debt written off or recovered otherwise).
 */
@Service
public class Overpayments {

	private static final Logger log = LoggerFactory.getLogger(Overpayments.class);

	private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

	/** The longest reason of a cancellation. */
	static final int MAX_REASON = 500;

	/** What is owed, recovered and left of one overpayment, and each netting. */
	public record Overpayment(long id, String payerBody, PayeeKind payeeKind, String payee, long claimId,
			long paidByBatchId, Money amount, Money recovered, Money outstanding, String reason, String foundBy,
			LocalDate foundOn, OverpaymentStatus status, Instant closedAt, String cancelledBy, String cancelReason,
			List<Recovery> recoveries) {
	}

	/** OPEN while something is owed; RECOVERED when netted whole; CANCELLED when written off. */
	public enum OverpaymentStatus {
		OPEN, RECOVERED, CANCELLED
	}

	/** A netting against the transfer of a batch. */
	public record Recovery(long batchId, String batchReference, Money amount, boolean released) {
	}

	/** A netting as a payee's statement shows it: "Indu récupéré" on the claim paid too much. */
	public record RecoveredLine(long overpaymentId, long claimId, long batchId, String batchReference, String reason,
			Money amount) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Overpayments(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records what a revised claim was paid too much, owed by the payee of the transfer that paid it. A claim whose
	 * payment the bank rejected (released) was not paid: nothing is owed. The fact delivered again records nothing.
	 */
	@ApplicationModuleListener
	void on(PaidClaimRevised revised) {
		record(revised);
	}

	@Transactional
	public void record(PaidClaimRevised revised) {
		Money overpaid = revised.overpaid();
		if (overpaid.amount().signum() <= 0) {
			return;
		}
		record Paid(long batchId, String payerBody, String payeeKind, String payee, Money amount) {
		}
		List<Paid> paid = jdbc.sql("""
				select pc.batch_id, b.payer_body, pc.payee_kind, pc.payee, pc.amount
				from payment_batch_claim pc join payment_batch b on b.id = pc.batch_id
				where pc.claim_id = ? and pc.released_at is null and b.status = 'APPROVED'""")
			.param(revised.claimId())
			.query((rs, n) -> new Paid(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					new Money(rs.getBigDecimal(5))))
			.list();
		if (paid.isEmpty()) {
			log.warn("Claim {} revised after payment has no approved transfer paying it: no overpayment recorded",
					revised.claimId());
			return;
		}
		Paid by = paid.getFirst();
		// Never more than the transfer actually paid for the claim.
		Money owed = overpaid.min(by.amount());
		if (owed.amount().signum() <= 0) {
			return;
		}
		jdbc.sql("""
				insert into overpayment (payer_body, payee_kind, payee, claim_id, batch_id, amount, reason, found_by, found_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (claim_id, found_at) do nothing""")
			.params(by.payerBody(), by.payeeKind(), by.payee(), revised.claimId(), by.batchId(), owed.amount(),
					bounded(revised.reason()), revised.revisedBy(), OffsetDateTime.ofInstant(revised.revisedAt(), MOROCCO))
			.update();
	}

	private static String bounded(String reason) {
		String text = reason == null || reason.isBlank() ? "décision révisée après paiement" : reason.strip();
		return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
	}

	/**
	 * Nets the open overpayments of the payees against their transfers in the batch being made, oldest first, and
	 * answers what is recovered from each payee's transfer (keyed as the batch keys its transfers: kind and payee). The
	 * overpayments are locked until the batch commits, so two batches at once never net the same amount twice.
	 */
	Map<List<Object>, Money> net(long batchId, String payerBody, Map<List<Object>, Money> transfers) {
		Map<List<Object>, Money> recovered = new HashMap<>();
		if (transfers.isEmpty()) {
			return recovered;
		}
		record Open(long id, String payeeKind, String payee, Money outstanding) {
		}
		List<Open> open = jdbc.sql("""
				select id, payee_kind, payee, amount - recovered from overpayment
				where status = 'OPEN' and payer_body = ? and payee = any(?) order by id for update""")
			.params(payerBody, transfers.keySet().stream().map(k -> (String) k.get(1)).distinct().toArray(String[]::new))
			.query((rs, n) -> new Open(rs.getLong(1), rs.getString(2), rs.getString(3), new Money(rs.getBigDecimal(4))))
			.list();
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (Open owed : open) {
			List<Object> key = List.of(PayeeKind.valueOf(owed.payeeKind()), owed.payee());
			Money transfer = transfers.get(key);
			if (transfer == null) {
				continue;
			}
			Money left = transfer.minus(recovered.getOrDefault(key, Money.ZERO));
			Money taken = owed.outstanding().min(left);
			if (taken.amount().signum() <= 0) {
				continue;
			}
			recovered.merge(key, taken, Money::plus);
			jdbc.sql("insert into overpayment_recovery (overpayment_id, batch_id, payee_kind, payee, amount) values (?, ?, ?, ?, ?)")
				.params(owed.id(), batchId, owed.payeeKind(), owed.payee(), taken.amount()).update();
			jdbc.sql("""
					update overpayment set recovered = recovered + ?,
					       status = case when recovered + ? >= amount then 'RECOVERED' else 'OPEN' end,
					       closed_at = case when recovered + ? >= amount then ? end
					where id = ?""")
				.params(taken.amount(), taken.amount(), taken.amount(), now, owed.id()).update();
		}
		return recovered;
	}

	/**
	 * Undoes the nettings of a batch (cancelled), or of one of its transfers (rejected by the bank): what they took is
	 * owed again, and an overpayment they had recovered whole is open again, unless finance cancelled it meanwhile.
	 */
	void release(long batchId, String payeeKind, String payee) {
		List<Object[]> released = jdbc.sql("""
				update overpayment_recovery set released_at = ?
				where batch_id = ? and released_at is null and (?::text is null or (payee_kind = ? and payee = ?))
				returning overpayment_id, amount""")
			.params(OffsetDateTime.now(clock), batchId, payeeKind, payeeKind, payee)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) }).list();
		for (Object[] row : released) {
			jdbc.sql("""
					update overpayment set recovered = recovered - ?,
					       status = case when status = 'CANCELLED' then status else 'OPEN' end,
					       closed_at = case when status = 'CANCELLED' then closed_at end
					where id = ?""")
				.params(row[1], row[0]).update();
		}
	}

	/** The overpayments of a payee (an IDCS or an INPE), the open ones only unless {@code all}, oldest first. */
	@Transactional(readOnly = true)
	public List<Overpayment> ofPayee(String payee, boolean all) {
		if (payee == null || payee.isBlank()) {
			throw new InvalidInput("payee", "required", "is required: an establishment's INPE or a member's IDCS");
		}
		if (payee.length() > 20 || !payee.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
			throw new InvalidInput("payee", "payee", "must be an establishment's INPE or a member's IDCS (at most 20 letters or digits)");
		}
		// An agent of a payer body sees what is owed to that body only.
		String body = Viewer.current().filter(v -> v.role() == Viewer.Role.PAYER_AGENT).map(Viewer::payerBody).orElse(null);
		List<Long> ids = jdbc.sql("""
				select id from overpayment where payee = ? and (? or status = 'OPEN') and (?::text is null or payer_body = ?)
				order by id limit 1000""")
			.params(payee, all, body, body).query(Long.class).list();
		List<Overpayment> found = new ArrayList<>();
		ids.forEach(id -> found.add(find(id)));
		return found;
	}

	/** Finance writes an open overpayment off: nothing more is netted; what was recovered stays recovered. */
	@Transactional
	public Overpayment cancel(long id, String actor, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("reason", "required", "a cancellation says why");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidInput("reason", "max-length", "at most " + MAX_REASON + " characters");
		}
		String status = jdbc.sql("select status from overpayment where id = ? for update").param(id).query(String.class)
			.optional().orElseThrow(() -> new NotFound("id", "no overpayment " + id));
		if (!"OPEN".equals(status)) {
			throw new RuleBroken("status", "open", "l'indu " + id + " est " + status + " : seul un indu ouvert peut être annulé");
		}
		jdbc.sql("update overpayment set status = 'CANCELLED', closed_at = ?, cancelled_by = ?, cancel_reason = ? where id = ?")
			.params(OffsetDateTime.now(clock), actor, reason.strip(), id).update();
		return find(id);
	}

	public Overpayment find(long id) {
		List<Recovery> recoveries = jdbc.sql("""
				select r.batch_id, b.reference, r.amount, r.released_at is not null from overpayment_recovery r
				join payment_batch b on b.id = r.batch_id where r.overpayment_id = ? order by r.id""")
			.param(id)
			.query((rs, n) -> new Recovery(rs.getLong(1), rs.getString(2), new Money(rs.getBigDecimal(3)), rs.getBoolean(4)))
			.list();
		return jdbc.sql("""
				select id, payer_body, payee_kind, payee, claim_id, batch_id, amount, recovered, reason, found_by, found_at,
				       status, closed_at, cancelled_by, cancel_reason from overpayment where id = ?""")
			.param(id)
			.query((rs, n) -> new Overpayment(rs.getLong(1), rs.getString(2), PayeeKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getLong(5), rs.getLong(6), new Money(rs.getBigDecimal(7)),
					new Money(rs.getBigDecimal(8)), new Money(rs.getBigDecimal(7).subtract(rs.getBigDecimal(8))),
					rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant().atZone(MOROCCO).toLocalDate(),
					OverpaymentStatus.valueOf(rs.getString(12)), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
					rs.getString(14), rs.getString(15), recoveries))
			.optional().orElseThrow(() -> new NotFound("id", "no overpayment " + id));
	}

	/** The nettings against the transfer of a batch to a payee, for its statement. */
	List<RecoveredLine> ofTransfer(long batchId, PayeeKind kind, String payee) {
		return lines("r.batch_id = ? and r.payee_kind = ? and r.payee = ?", batchId, kind.name(), payee);
	}

	/** The nettings against the transfers to a member in batches approved in the period, for their statement. */
	List<RecoveredLine> ofMember(String idcs, LocalDate from, LocalDate to, String payerBody) {
		return lines("r.payee_kind = 'MEMBER' and r.payee = ? and " + PaymentDeadlines.PAID_ON
				+ " between ? and ? and (?::text is null or b.payer_body = ?)", idcs, from, to, payerBody, payerBody);
	}

	private List<RecoveredLine> lines(String where, Object... params) {
		return jdbc.sql("""
				select o.id, o.claim_id, b.id, b.reference, o.reason, r.amount
				from overpayment_recovery r join overpayment o on o.id = r.overpayment_id
				join payment_batch b on b.id = r.batch_id
				where r.released_at is null and b.status <> 'CANCELLED' and """ + " " + where + " order by r.id")
			.params(params)
			.query((rs, n) -> new RecoveredLine(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), new Money(rs.getBigDecimal(6))))
			.list();
	}
}
