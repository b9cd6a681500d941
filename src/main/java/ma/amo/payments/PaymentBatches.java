package ma.amo.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.payments.PayableClaims.PayeeKind;
import ma.amo.payments.PaymentBatch.HoldReason;
import ma.amo.payments.PayableClaims.Payable;
import ma.amo.shared.FieldCipher;
import ma.amo.shared.IdempotencyKey;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays the approved claims of a payer body in batches. A batch takes every claim decided by its cut-off date and not
 * paid yet and groups them into one transfer per payee: it is PREPARED by one finance account, which reserves its
 * claims, and APPROVED by another ({@link #approve}), in the transaction that publishes {@link PaymentBatchApproved}:
 * the claims module marks the claims PAID when it receives it. A claim is held by one batch at most, even when two
 * batches are made at once or before the claims are marked paid (one unreleased row per claim in
 * {@code payment_batch_claim}); a cancelled batch, or a transfer the bank rejected, releases its claims for the next
 * batch. A batch is created once per creator and idempotency key (a repeat returns it).
 * <p>
 * Each transfer goes to the payee's bank account on the batch's day, copied onto the order; a payee without one is
 * held back with the reason, its claims left for a later batch: money is never sent to a guessed account. What a payee
 * owes from earlier overpayments is netted against its transfer ({@link Overpayments}); a transfer netted whole is not
 * sent.
 */
@Service
public class PaymentBatches {

	private static final String BATCH = """
			select id, reference, payer_body, cut_off, created_by, created_at, claims, paid, state_share, status, approved_by,
			       approved_at, exported_at from payment_batch""";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final PayableClaims payable;
	private final BankAccounts bankAccounts;
	private final FieldCipher cipher;
	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final Overpayments overpayments;

	PaymentBatches(PayableClaims payable, BankAccounts bankAccounts, FieldCipher cipher, JdbcClient jdbc,
			JdbcTemplate batch, Clock clock, ApplicationEventPublisher events, Overpayments overpayments) {
		this.overpayments = overpayments;
		this.payable = payable;
		this.bankAccounts = bankAccounts;
		this.cipher = cipher;
		this.events = events;
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	/** The batch, and whether this call made it or found it under the same key. */
	public record Created(PaymentBatch batch, boolean repeated) {
	}

	@Transactional
	public Created create(String createdBy, String idempotencyKey, String payerBody, LocalDate cutOff) {
		if (createdBy == null || createdBy.isBlank()) {
			throw new InvalidInput("createdBy", "required", "is required");
		}
		IdempotencyKey.require(idempotencyKey);
		if (!"CNSS".equals(payerBody) && !"CNOPS".equals(payerBody)) {
			throw new InvalidInput("payerBody", "payer-body", "must be CNSS or CNOPS");
		}
		if (cutOff == null) {
			throw new InvalidInput("cutOff", "required", "is required");
		}
		if (cutOff.isAfter(LocalDate.now(clock))) {
			throw new InvalidInput("cutOff", "not-future", "claims decided after today cannot be paid today");
		}
		// A retry sent while the first is still running waits for it and answers its batch, not "nothing to pay".
		IdempotencyKey.hold(jdbc, "payment-batch\n" + createdBy, idempotencyKey);
		Optional<Long> earlier = jdbc.sql("select id from payment_batch where created_by = ? and idempotency_key = ?")
			.params(createdBy, idempotencyKey).query(Long.class).optional();
		if (earlier.isPresent()) {
			PaymentBatch first = batch(earlier.get());
			if (!first.payerBody().equals(payerBody) || !first.cutOff().equals(cutOff)) {
				throw new RuleBroken("idempotencyKey", "idempotent-repeat", "the key " + idempotencyKey
						+ " was used for batch " + first.reference() + " of " + first.payerBody() + " to " + first.cutOff());
			}
			return new Created(first, true);
		}
		List<Payable> waiting = unbatched(payable.lockPayable(payerBody, cutOff));
		if (waiting.isEmpty()) {
			throw new RuleBroken("cutOff", "claims-to-pay", "no approved claim of " + payerBody + " decided by " + cutOff
					+ " is waiting for payment");
		}
		LocalDate today = LocalDate.now(clock);
		Map<List<Object>, BankAccount> accounts = bankAccounts.accountsOn(waiting.stream()
			.map(c -> List.<Object>of(c.payeeKind(), c.payee())).distinct().toList(), today);
		// An account the bank reported closed is no account: its payee waits for a new one.
		Map<Long, LocalDate> closed = bankAccounts.closedOf(accounts.values().stream().map(BankAccount::id).toList());
		Map<List<Object>, LocalDate> closedOn = new HashMap<>();
		accounts.values().removeIf(a -> {
			LocalDate on = closed.get(a.id());
			if (on != null) {
				closedOn.put(List.of(a.payeeKind(), a.payee()), on);
			}
			return on != null;
		});
		List<Payable> claims = waiting.stream().filter(c -> accounts.containsKey(List.of(c.payeeKind(), c.payee()))).toList();
		Map<List<Object>, PaymentBatch.Held> held = new LinkedHashMap<>();
		for (Payable claim : waiting) {
			if (!accounts.containsKey(List.of(claim.payeeKind(), claim.payee()))) {
				LocalDate closedDay = closedOn.get(List.of(claim.payeeKind(), claim.payee()));
				held.merge(List.of(claim.payeeKind(), claim.payee()),
						new PaymentBatch.Held(claim.payeeKind(), claim.payee(), 1, claim.covered(),
								closedDay == null ? HoldReason.NO_BANK_ACCOUNT : HoldReason.ACCOUNT_CLOSED,
								closedDay == null ? noAccount(today) : closedAccount(closedDay)),
						(a, b) -> new PaymentBatch.Held(a.payeeKind(), a.payee(), a.claims() + 1, a.amount().plus(b.amount()),
								a.reason(), a.message()));
			}
		}
		if (claims.isEmpty()) {
			throw new RuleBroken("cutOff", "claims-to-pay", waiting.size() + " approved claims of " + payerBody
					+ " decided by " + cutOff + " are waiting, all held back: their " + held.size()
					+ " payees have no usable bank account (none recorded, or closed) on " + today);
		}
		long id = jdbc.sql("select nextval('payment_batch_id_seq')").query(Long.class).single();
		String reference = "LP-" + payerBody + "-" + cutOff.toString().replace("-", "") + "-" + id;
		Map<List<Object>, PaymentBatch.Transfer> transfers = new LinkedHashMap<>();
		Money paid = Money.ZERO;
		Money stateShare = Money.ZERO;
		for (Payable claim : claims) {
			paid = paid.plus(claim.covered());
			stateShare = stateShare.plus(claim.stateShare());
			List<Object> payee = List.of(claim.payeeKind(), claim.payee());
			transfers.merge(payee, new PaymentBatch.Transfer(claim.payeeKind(), claim.payee(), 1, claim.covered(),
					Money.ZERO, claim.stateShare(), accounts.get(payee).iban(), null, PaymentBatch.TransferStatus.SENT, null,
					null),
					(a, b) -> new PaymentBatch.Transfer(a.payeeKind(), a.payee(), a.claims() + 1, a.amount().plus(b.amount()),
							Money.ZERO, a.stateShare().plus(b.stateShare()), a.iban(), null, a.status(), null, null));
		}
		jdbc.sql("""
				insert into payment_batch (id, reference, payer_body, cut_off, created_by, idempotency_key, claims, paid, state_share)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, reference, payerBody, cutOff, createdBy.strip(), idempotencyKey, claims.size(), paid.amount(),
					stateShare.amount())
			.update();
		// What each payee owes from earlier overpayments comes off its transfer, never below zero.
		Map<List<Object>, Money> gross = new LinkedHashMap<>();
		transfers.forEach((payee, t) -> gross.put(payee, t.amount()));
		Map<List<Object>, Money> recovered = overpayments.net(id, payerBody, gross);
		batch.batchUpdate("insert into payment_order (batch_id, payee_kind, payee, claims, amount, recovered, state_share, rib, bank_code, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				transfers.entrySet().stream().map(e -> {
					PaymentBatch.Transfer t = e.getValue();
					BankAccount account = accounts.get(e.getKey());
					Money netted = recovered.getOrDefault(e.getKey(), Money.ZERO);
					Money sent = t.amount().minus(netted);
					return new Object[] { id, t.payeeKind().name(), t.payee(), t.claims(), sent.amount(), netted.amount(),
							t.stateShare().amount(), cipher.encrypt(account.rib()), account.bankCode(),
							sent.amount().signum() == 0 ? PaymentBatch.TransferStatus.NETTED.name()
									: PaymentBatch.TransferStatus.SENT.name() };
				}).toList());
		// The day checked, or for a closed account the day the bank reported it, from which the message is written again.
		batch.batchUpdate("insert into payment_batch_hold (batch_id, payee_kind, payee, claims, amount, reason, checked_on) values (?, ?, ?, ?, ?, ?, ?)",
				held.values().stream().map(h -> new Object[] { id, h.payeeKind().name(), h.payee(), h.claims(),
						h.amount().amount(), h.reason().name(),
						closedOn.getOrDefault(List.of(h.payeeKind(), h.payee()), today) }).toList());
		batch.batchUpdate("insert into payment_batch_claim (claim_id, batch_id, payee_kind, payee, amount, state_share) values (?, ?, ?, ?, ?, ?)",
				claims.stream().map(c -> new Object[] { c.claimId(), id, c.payeeKind().name(), c.payee(),
						c.covered().amount(), c.stateShare().amount() }).toList());
		events.publishEvent(new PaymentBatchCreated(id, reference, createdBy.strip(),
				claims.stream().map(Payable::claimId).toList()));
		return new Created(batch(id), false);
	}

	/** The batch after an approval or a cancellation, and whether it was so already (a repeat changes nothing). */
	public record Decided(PaymentBatch batch, boolean repeated) {
	}

	/**
	 * A second finance account approves a prepared batch: from then it cannot change, its bank file may leave and its
	 * claims are paid ({@link PaymentBatchApproved}). The preparer may not approve their own batch. An approval sent
	 * again (a retry after a lost answer, or two at once: the batch row is locked) finds the batch approved and changes
	 * nothing, so no claim is paid twice.
	 */
	@Transactional
	public Decided approve(long id, String approver) {
		Locked batch = lock(id);
		if (batch.status() == PaymentBatch.Status.APPROVED) {
			return new Decided(batch(id), true);
		}
		if (batch.status() == PaymentBatch.Status.CANCELLED) {
			throw new RuleBroken("status", "prepared", "le lot " + batch.reference() + " a été annulé : il ne peut plus être approuvé");
		}
		if (batch.createdBy().equals(approver)) {
			throw new RuleBroken("approvedBy", "four-eyes", "le lot " + batch.reference() + " a été préparé par " + approver
					+ " : un autre compte de la finance doit l'approuver");
		}
		java.time.OffsetDateTime approvedAt = java.time.OffsetDateTime.now(clock);
		jdbc.sql("update payment_batch set status = 'APPROVED', approved_by = ?, approved_at = ? where id = ?")
			.params(approver, approvedAt, id).update();
		List<Long> claims = jdbc.sql("select claim_id from payment_batch_claim where batch_id = ? and released_at is null order by claim_id")
			.param(id).query(Long.class).list();
		events.publishEvent(new PaymentBatchApproved(id, batch.reference(), approver, claims,
				approvedAt.toInstant()));
		return new Decided(batch(id), false);
	}

	/**
	 * A prepared batch is cancelled: it will never be paid and its claims are released for the next batch. An approved
	 * batch cannot be cancelled: its bank file may have left.
	 */
	@Transactional
	public Decided cancel(long id, String actor) {
		Locked batch = lock(id);
		if (batch.status() == PaymentBatch.Status.CANCELLED) {
			return new Decided(batch(id), true);
		}
		if (batch.status() == PaymentBatch.Status.APPROVED) {
			throw new RuleBroken("status", "approved-immutable", "le lot " + batch.reference()
					+ " est approuvé : il ne peut plus changer");
		}
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
		jdbc.sql("update payment_batch set status = 'CANCELLED', cancelled_by = ?, cancelled_at = ? where id = ?")
			.params(actor, now, id).update();
		jdbc.sql("update payment_batch_claim set released_at = ? where batch_id = ? and released_at is null")
			.params(now, id).update();
		overpayments.release(id, null, null);
		return new Decided(batch(id), false);
	}

	private record Locked(String reference, String createdBy, PaymentBatch.Status status) {
	}

	private Locked lock(long id) {
		return jdbc.sql("select reference, created_by, status from payment_batch where id = ? for update").param(id)
			.query((rs, n) -> new Locked(rs.getString(1), rs.getString(2), PaymentBatch.Status.valueOf(rs.getString(3))))
			.optional().orElseThrow(() -> new NotFound("batchId", "no payment batch " + id));
	}

	/**
	 * The batch whose bank file is asked for: only an approved batch leaves. The first export is recorded, so that a
	 * bank's return is accepted only for a batch whose file left.
	 */
	PaymentBatch exportable(long id) {
		PaymentBatch batch = batch(id);
		if (batch.status() != PaymentBatch.Status.APPROVED) {
			throw new RuleBroken("status", "approved", "le lot " + batch.reference() + " est " + batch.status()
					+ " : seul un lot approuvé par un second compte peut être exporté");
		}
		if (batch.exportedAt() == null) {
			jdbc.sql("update payment_batch set exported_at = ? where id = ? and exported_at is null")
				.params(java.time.OffsetDateTime.now(clock), id).update();
		}
		return batch;
	}

	private static String closedAccount(LocalDate day) {
		return "compte bancaire clôturé selon la banque (AC04) le " + DAY.format(day)
				+ " : un nouveau compte doit être enregistré";
	}

	private static String noAccount(LocalDate day) {
		return "aucun compte bancaire enregistré pour ce bénéficiaire au " + DAY.format(day);
	}

	/**
	 * The claims no batch holds yet. A batch committed a moment ago has its claims still APPROVED until the claims
	 * module has taken its event: they are not taken twice.
	 */
	private List<Payable> unbatched(List<Payable> locked) {
		if (locked.isEmpty()) {
			return locked;
		}
		java.util.Set<Long> batched = new java.util.HashSet<>(jdbc.sql("select claim_id from payment_batch_claim where claim_id = any(?) and released_at is null")
			.param(locked.stream().map(Payable::claimId).toArray(Long[]::new))
			.query(Long.class)
			.list());
		return batched.isEmpty() ? locked : locked.stream().filter(c -> !batched.contains(c.claimId())).toList();
	}

	/** The latest batches, newest first, without their transfers: the finance desk's list to open one from. */
	public List<PaymentBatch> latest(int limit) {
		if (limit < 1 || limit > 500) {
			throw new InvalidInput("limit", "range", "must be between 1 and 500");
		}
		return jdbc.sql(BATCH + " order by created_at desc, id desc limit ?").param(limit)
			.query((rs, n) -> new PaymentBatch(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7),
					new Money(rs.getBigDecimal(8)), new Money(rs.getBigDecimal(9)), List.of(), List.of(),
					PaymentBatch.Status.valueOf(rs.getString(10)), rs.getString(11), instant(rs.getTimestamp(12)),
					instant(rs.getTimestamp(13)), null))
			.list();
	}

	public PaymentBatch batch(long id) {
		PaymentBatch header = jdbc.sql(BATCH + " where id = ?").param(id).query((rs, n) -> new PaymentBatch(rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getInt(7), new Money(rs.getBigDecimal(8)), new Money(rs.getBigDecimal(9)),
				List.of(), List.of(), PaymentBatch.Status.valueOf(rs.getString(10)), rs.getString(11), instant(rs.getTimestamp(12)),
				instant(rs.getTimestamp(13)), null)).optional().orElseThrow(() -> new NotFound("batchId", "no payment batch " + id));
		List<PaymentBatch.Transfer> transfers = jdbc.sql("""
				select payee_kind, payee, claims, amount, state_share, rib, status, reason_code, recovered from payment_order
				where batch_id = ? order by payee_kind, payee""")
			.param(id)
			.query((rs, n) -> new PaymentBatch.Transfer(PayeeKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
					new Money(rs.getBigDecimal(4)), new Money(rs.getBigDecimal(9)), new Money(rs.getBigDecimal(5)),
					rs.getString(6) == null ? null : new Rib(cipher.decrypt(rs.getString(6))).iban(),
					PaymentBatch.endToEndId(header.reference(), rs.getString(2)),
					PaymentBatch.TransferStatus.valueOf(rs.getString(7)), rs.getString(8),
					rs.getString(8) == null ? null : BankReasons.label(rs.getString(8))))
			.list();
		List<PaymentBatch.Held> held = jdbc.sql("""
				select payee_kind, payee, claims, amount, reason, checked_on from payment_batch_hold where batch_id = ?
				order by payee_kind, payee""")
			.param(id)
			.query((rs, n) -> new PaymentBatch.Held(PayeeKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
					new Money(rs.getBigDecimal(4)), HoldReason.valueOf(rs.getString(5)),
					HoldReason.valueOf(rs.getString(5)) == HoldReason.ACCOUNT_CLOSED
							? closedAccount(rs.getObject(6, LocalDate.class)) : noAccount(rs.getObject(6, LocalDate.class))))
			.list();
		PaymentBatch.BatchSummary summary = new PaymentBatch.BatchSummary(totals(transfers, t -> true),
				totals(transfers, t -> t.payeeKind() == PayeeKind.MEMBER),
				totals(transfers, t -> t.payeeKind() == PayeeKind.ESTABLISHMENT),
				new PaymentBatch.Totals(held.size(), held.stream().mapToInt(PaymentBatch.Held::claims).sum(),
						held.stream().map(PaymentBatch.Held::amount).reduce(Money.ZERO, Money::plus)),
				totals(transfers, t -> t.status() == PaymentBatch.TransferStatus.REJECTED),
				transfers.stream().map(PaymentBatch.Transfer::recovered).reduce(Money.ZERO, Money::plus));
		return new PaymentBatch(header.id(), header.reference(), header.payerBody(), header.cutOff(), header.createdBy(),
				header.createdAt(), header.claims(), header.paid(), header.stateShare(), transfers, held, header.status(),
				header.approvedBy(), header.approvedAt(), header.exportedAt(), summary);
	}

	private static PaymentBatch.Totals totals(List<PaymentBatch.Transfer> transfers,
			java.util.function.Predicate<PaymentBatch.Transfer> which) {
		List<PaymentBatch.Transfer> chosen = transfers.stream().filter(which).toList();
		return new PaymentBatch.Totals(chosen.size(), chosen.stream().mapToInt(PaymentBatch.Transfer::claims).sum(),
				chosen.stream().map(PaymentBatch.Transfer::amount).reduce(Money.ZERO, Money::plus));
	}

	private static java.time.Instant instant(java.sql.Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	/**
	 * The bank file of the batch: one line per transfer ({@code ;}-separated, amounts with a decimal point), the
	 * batch reference on each line so the bank's statement can be matched back. Only an approved batch leaves.
	 */
	public void writeTransfers(long id, Writer out) {
		PaymentBatch paid = exportable(id);
		try {
			out.write("reference;payee_kind;payee;claims;amount;state_share;iban\n");
			for (PaymentBatch.Transfer t : paid.transfers()) {
				if (t.status() == PaymentBatch.TransferStatus.NETTED) {
					continue;
				}
				out.write(paid.reference() + ";" + t.payeeKind() + ";" + t.payee() + ";" + t.claims() + ";"
						+ t.amount().amount().toPlainString() + ";" + t.stateShare().amount().toPlainString() + ";"
						+ (t.iban() == null ? "" : t.iban()) + "\n");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
