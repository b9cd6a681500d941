package ma.amo.payments;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.payments.BankReturnFile.Outcome;
import ma.amo.payments.BankReturnFile.Statement;
import ma.amo.payments.PaymentBatch.TransferStatus;
import ma.amo.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports what the bank sends back about the transfers of the batches' files: each transfer settled, or rejected with
 * the bank's reason, in which case its claims are released and {@link TransferRejected} tells the claims module to put
 * them back to payable, so that the next batch pays them. A file is imported whole or not at all: one statement that
 * does not match a transfer the platform sent (batch, end-to-end identifier, amount, currency, a batch whose file never
 * left) refuses it, naming the entry. The same file imported again (same SHA-256) changes nothing.
 * <p>
 * A transfer goes SENT → SETTLED or REJECTED, and SETTLED → REJECTED when a settled credit comes back (a camt.054
 * return). A rejected transfer stays rejected: its claims may already be in another batch.
 */
@Service
public class BankReturns {

	private static final String CURRENCY = "MAD";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final Overpayments overpayments;
	private final JdbcTemplate batch;
	private final BankAccounts bankAccounts;

	BankReturns(JdbcClient jdbc, JdbcTemplate batch, Clock clock, ApplicationEventPublisher events,
			Overpayments overpayments, BankAccounts bankAccounts) {
		this.bankAccounts = bankAccounts;
		this.batch = batch;
		this.overpayments = overpayments;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** An imported return file: who imported it, when, and what it changed. */
	public record Imported(long id, String format, String messageId, String importedBy, Instant importedAt, int settled,
			int rejected, boolean alreadyImported) {
	}

	private record Order(long batchId, String reference, String payeeKind, String payee, BigDecimal amount,
			TransferStatus status, boolean exported, BigDecimal recovered, String rib) {
	}

	@Transactional
	public Imported importFile(String importedBy, byte[] file) {
		BankReturnFile.Parsed parsed = BankReturnFile.read(file);
		String sha256 = sha256(file);
		// Two imports of the same file at once: the second waits for the first and then finds it.
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("payment-return\n" + sha256).query(Object.class).list();
		Optional<Imported> earlier = find("sha256 = ?", sha256);
		if (earlier.isPresent()) {
			Imported first = earlier.get();
			return new Imported(first.id(), first.format(), first.messageId(), first.importedBy(), first.importedAt(),
					first.settled(), first.rejected(), true);
		}
		if (find("format = ? and message_id = ?", parsed.format(), parsed.messageId()).isPresent()) {
			throw new BankReturnRefused("GrpHdr.MsgId", "message-id-reused", "un autre fichier " + parsed.format()
					+ " de même identifiant de message " + parsed.messageId() + " a déjà été importé");
		}
		// Each batch's transfers are read once, locked, and the statements matched against them in memory: a return of
		// hundreds of thousands of lines costs a few queries, not one per line.
		Map<String, Map<String, List<Order>>> batches = new HashMap<>();
		Map<String, Order> decided = new LinkedHashMap<>();
		Map<String, Statement> by = new HashMap<>();
		for (Statement statement : parsed.statements()) {
			if (statement.batchReference() == null) {
				throw new BankReturnRefused(statement.batchField(), "batch-reference", "the statement " + statement.path()
						+ " does not name the batch (message identifier of the bank file) it answers");
			}
			Map<String, List<Order>> transfers = batches.computeIfAbsent(statement.batchReference(), this::transfers);
			if (transfers == null) {
				throw new BankReturnRefused(statement.batchField(), "unknown-batch", "no payment batch "
						+ statement.batchReference());
			}
			List<Order> orders = statement.endToEndId() == null
					? transfers.values().stream().flatMap(List::stream).toList()
					: statement.endToEndId().startsWith(statement.batchReference() + "-")
							? transfers.getOrDefault(statement.endToEndId().substring(statement.batchReference().length() + 1), List.of())
							: List.of();
			if (statement.endToEndId() != null && orders.isEmpty()) {
				throw new BankReturnRefused(statement.path() + (parsed.format().startsWith("pain") ? ".OrgnlEndToEndId"
						: ".Refs.EndToEndId"), "unknown-transfer", "the batch " + statement.batchReference()
								+ " has no transfer " + statement.endToEndId());
			}
			for (Order order : orders) {
				check(statement, order, parsed.format().startsWith("pain") ? ".OrgnlTxRef.Amt.InstdAmt" : ".Amt");
				String key = order.batchId() + "\n" + order.payeeKind() + "\n" + order.payee();
				if (statement.outcome() != Outcome.WAITING) {
					decided.put(key, order);
					by.put(key, statement);
				}
			}
		}
		long id = jdbc.sql("select nextval('payment_return_id_seq')").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				insert into payment_return (id, format, message_id, sha256, imported_by, imported_at, settled, rejected)
				values (?, ?, ?, ?, ?, ?, 0, 0)""")
			.params(id, parsed.format(), parsed.messageId(), sha256, importedBy, now).update();
		List<Object[]> settledRows = new ArrayList<>();
		List<Object[]> rejectedRows = new ArrayList<>();
		List<Order> rejectedOrders = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		for (Map.Entry<String, Order> entry : decided.entrySet()) {
			Order order = entry.getValue();
			Statement statement = by.get(entry.getKey());
			TransferStatus to = statement.outcome() == Outcome.REJECTED ? TransferStatus.REJECTED : TransferStatus.SETTLED;
			if (order.status() == to) {
				continue;
			}
			if (order.status() == TransferStatus.REJECTED) {
				throw new BankReturnRefused(statement.path(), "already-rejected", "the transfer "
						+ PaymentBatch.endToEndId(order.reference(), order.payee()) + " was rejected by an earlier return: "
						+ "its claims were released for another batch");
			}
			if (to == TransferStatus.SETTLED) {
				settledRows.add(new Object[] { id, order.batchId(), order.payeeKind(), order.payee() });
				continue;
			}
			String reason = statement.reasonCode() == null ? "NARR" : statement.reasonCode();
			rejectedRows.add(new Object[] { reason, id, order.batchId(), order.payeeKind(), order.payee() });
			rejectedOrders.add(order);
			reasons.add(reason);
		}
		batch.batchUpdate("update payment_order set status = 'SETTLED', reason_code = null, return_id = ? where batch_id = ? and payee_kind = ? and payee = ?",
				settledRows);
		batch.batchUpdate("update payment_order set status = 'REJECTED', reason_code = ?, return_id = ? where batch_id = ? and payee_kind = ? and payee = ?",
				rejectedRows);
		List<TransferRejected> rejections = new ArrayList<>();
		for (int i = 0; i < rejectedOrders.size(); i++) {
			Order order = rejectedOrders.get(i);
			String reason = reasons.get(i);
			if ("AC04".equals(reason)) {
				bankAccounts.closedByBank(PayableClaims.PayeeKind.valueOf(order.payeeKind()), order.payee(), order.rib(),
						reason, id, now.atZoneSameInstant(clock.getZone()).toLocalDate());
			}
			if (order.recovered().signum() > 0) {
				// Nothing reached the payee: what the transfer recovered of its overpayments is owed again.
				overpayments.release(order.batchId(), order.payeeKind(), order.payee());
			}
			List<Long> claims = jdbc.sql("""
					update payment_batch_claim set released_at = ?
					where batch_id = ? and payee_kind = ? and payee = ? and released_at is null returning claim_id""")
				.params(now, order.batchId(), order.payeeKind(), order.payee()).query(Long.class).list();
			rejections.add(new TransferRejected(order.batchId(), PaymentBatch.endToEndId(order.reference(), order.payee()),
					reason, BankReasons.label(reason), importedBy, claims));
		}
		jdbc.sql("update payment_return set settled = ?, rejected = ? where id = ?")
			.params(settledRows.size(), rejectedRows.size(), id).update();
		rejections.forEach(events::publishEvent);
		return find("id = ?", id).orElseThrow();
	}

	/** The transfers of the batch by payee, locked; null when there is no such batch. */
	private Map<String, List<Order>> transfers(String reference) {
		Optional<Long> batchId = jdbc.sql("select id from payment_batch where reference = ? for update").param(reference)
			.query(Long.class).optional();
		if (batchId.isEmpty()) {
			return null;
		}
		Map<String, List<Order>> transfers = new LinkedHashMap<>();
		jdbc.sql("""
				select b.id, b.reference, o.payee_kind, o.payee, o.amount, o.status, b.exported_at is not null, o.recovered, o.rib
				from payment_order o join payment_batch b on b.id = o.batch_id
				where o.batch_id = ? and o.status <> 'NETTED'
				order by o.payee_kind, o.payee for update of o""")
			.param(batchId.get())
			.query((rs, n) -> transfers.computeIfAbsent(rs.getString(4), payee -> new ArrayList<>(1))
				.add(new Order(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
						TransferStatus.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getBigDecimal(8), rs.getString(9))))
			.list();
		return transfers;
	}

	private void check(Statement statement, Order order, String amountField) {
		if (!order.exported()) {
			throw new BankReturnRefused(statement.path(), "batch-exported", "the bank file of batch " + order.reference()
					+ " was never exported: the bank cannot answer it");
		}
		if (statement.currency() != null && !CURRENCY.equals(statement.currency())) {
			throw new BankReturnRefused(statement.path() + amountField + ".Ccy", "currency", "the transfer "
					+ statement.endToEndId() + " was sent in " + CURRENCY + ", not " + statement.currency());
		}
		if (statement.amount() != null && statement.amount().compareTo(order.amount()) != 0) {
			throw new BankReturnRefused(statement.path() + amountField, "amount", "the transfer " + statement.endToEndId()
					+ " was of " + order.amount().toPlainString() + " " + CURRENCY + ", not "
					+ statement.amount().toPlainString());
		}
	}

	/** The imported files, newest first. */
	public List<Imported> list(int page, int size) {
		if (page < 0 || page > 100_000) {
			throw new InvalidInput("page", "range", "must be between 0 and 100000");
		}
		if (size < 1 || size > 200) {
			throw new InvalidInput("size", "range", "must be between 1 and 200");
		}
		return jdbc.sql("""
				select id, format, message_id, imported_by, imported_at, settled, rejected from payment_return
				order by imported_at desc, id desc limit ? offset ?""")
			.params(size, (long) page * size).query((rs, n) -> imported(rs)).list();
	}

	private Optional<Imported> find(String where, Object... params) {
		return jdbc.sql("select id, format, message_id, imported_by, imported_at, settled, rejected from payment_return where "
				+ where).params(params).query((rs, n) -> imported(rs)).optional();
	}

	private static Imported imported(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Imported(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), false);
	}

	private static String sha256(byte[] file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
