package ma.amo.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ma.amo.payments.BankAccounts;
import ma.amo.payments.PayableClaims;
import ma.amo.payments.PaymentBatch;
import ma.amo.payments.PaymentBatches;
import ma.amo.payments.Rib;
import ma.amo.shared.RuleBroken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's monthly payments: before each batch, the payees it will pay get a bank account (a RIB of one of the
 * main Moroccan banks, its key computed by {@link Rib#keyOf}), then the finance account makes the batch of the payer
 * body. A payee that already has an account keeps it.
 */
final class DemoPayments {

	private static final String[] BANKS = { "007", "011", "013", "021", "022", "145", "190", "230" };

	private final PaymentBatches batches;
	private final BankAccounts accounts;
	private final PayableClaims payable;
	private final TransactionTemplate transaction;
	private final Set<String> recorded = new LinkedHashSet<>();
	private final List<PaymentBatch> made = new ArrayList<>();

	DemoPayments(PaymentBatches batches, BankAccounts accounts, PayableClaims payable, TransactionTemplate transaction) {
		this.batches = batches;
		this.accounts = accounts;
		this.payable = payable;
		this.transaction = transaction;
	}

	/**
	 * Pays what the payer body's claims decided so far cover, as the batch of the month of care {@code month}; empty
	 * when nothing is waiting.
	 */
	Optional<PaymentBatch> pay(String payerBody, LocalDate month, LocalDate today) {
		// Asked as the batch will ask, in a transaction of its own that only reads: the payees to give an account.
		List<PayableClaims.Payable> waiting = transaction.execute(tx -> payable.lockPayable(payerBody, today));
		if (waiting == null || waiting.isEmpty()) {
			return Optional.empty();
		}
		// The month's new payees in one transaction: one commit instead of one per account.
		transaction.executeWithoutResult(tx -> {
			for (PayableClaims.Payable claim : waiting) {
				if (recorded.add(claim.payeeKind() + ":" + claim.payee())) {
					Acting.as(Acting.FINANCE, () -> accounts.record(claim.payeeKind().name(), claim.payee(),
							rib(claim.payee()), null));
				}
			}
		});
		return Optional.of(batch(payerBody, month, today));
	}

	/** The batch itself, in one place: how a batch is made (and by whom) changes here only. */
	private PaymentBatch batch(String payerBody, LocalDate month, LocalDate today) {
		try {
			PaymentBatch batch = batches.create(Acting.FINANCE.name(), "demo-batch-" + payerBody + "-" + month, payerBody,
					today).batch();
			batch = batches.approve(batch.id(), Acting.FINANCE_CHECKER.name()).batch();
			made.add(batch);
			return batch;
		}
		catch (RuleBroken nothingToPay) {
			throw new IllegalStateException("demo payment batch of " + payerBody + " for " + month + " refused: "
					+ nothingToPay.getMessage(), nothingToPay);
		}
	}

	List<PaymentBatch> made() {
		return made;
	}

	/** A RIB drawn from the payee's identifier: the same payee gets the same account on every fresh demo. */
	static String rib(String payee) {
		long draw = Integer.toUnsignedLong(payee.hashCode()) * 2_654_435_761L;
		String bank = BANKS[(int) Long.remainderUnsigned(draw, BANKS.length)];
		String locality = String.format("%03d", 100 + Long.remainderUnsigned(draw >>> 8, 800));
		String account = String.format("%016d", Long.remainderUnsigned(draw ^ 0x5DEECE66DL, 10_000_000_000_000_000L));
		String first22 = bank + locality + account;
		return first22 + Rib.keyOf(first22);
	}
}
