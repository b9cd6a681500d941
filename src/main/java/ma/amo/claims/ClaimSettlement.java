package ma.amo.claims;

import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims ready for payment and their move to PAID. Approved and partially approved claims with an amount covered
 * are payable once decided; the member who holds the rights is paid for a member's claim (the patient may be a
 * dependant), the establishment for a provider invoice. Called within the transaction that records the payment, so
 * that the claims are paid exactly when the batch exists.
 */
@Service
public class ClaimSettlement {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	ClaimSettlement(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Who receives a claim's payment. */
	public enum PayeeKind {
		MEMBER, ESTABLISHMENT
	}

	/** A claim to pay: the payer body's share to the payee, and the State's share recorded beside it. */
	public record Payable(long claimId, PayeeKind payeeKind, String payee, String regime, Money covered,
			Money stateShare) {
	}

	/**
	 * Locks the payer body's claims decided by the end of {@code cutOff} and not paid yet, oldest decision first;
	 * claims another batch is paying at the same moment are skipped, never paid twice.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Payable> lockPayable(String payerBody, LocalDate cutOff) {
		return jdbc.sql("""
				select id, kind, member_idcs, establishment_inpe, regime, covered, state_share from claim
				where status in ('APPROVED', 'PARTIALLY_APPROVED') and payer_body = ? and decided_at < ?::date + 1
				  and covered + state_share > 0
				order by decided_at, id for update skip locked""")
			.params(payerBody, cutOff)
			.query((rs, n) -> {
				boolean invoice = ClaimKind.valueOf(rs.getString(2)) == ClaimKind.PROVIDER_INVOICE;
				return new Payable(rs.getLong(1), invoice ? PayeeKind.ESTABLISHMENT : PayeeKind.MEMBER,
						rs.getString(invoice ? 4 : 3), rs.getString(5), new Money(rs.getBigDecimal(6)),
						new Money(rs.getBigDecimal(7)));
			})
			.list();
	}

	/** The claims are paid: status PAID and a step in each claim's history naming the batch. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void markPaid(List<Long> claims, String actor, String batchReference) {
		batch.batchUpdate("update claim set status = 'PAID' where id = ?", claims.stream().map(id -> new Object[] { id }).toList());
		batch.batchUpdate("insert into claim_event (claim_id, status, actor, comment) values (?, 'PAID', ?, ?)",
				claims.stream().map(id -> new Object[] { id, actor, "Lot de paiement " + batchReference }).toList());
	}
}
