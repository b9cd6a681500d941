package ma.amo.claims;

import java.time.LocalDate;
import java.util.List;

import ma.amo.payments.PayableClaims;
import ma.amo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims ready for payment, as payments asks for them. Approved and partially approved claims with an amount
 * covered are payable once decided; the member who holds the rights is paid for a member's claim (the patient may be
 * a dependant), the establishment for a provider invoice. Payments never changes a claim: the claims are marked PAID
 * by {@link ClaimPayments} when the batch's {@code PaymentBatchCreated} arrives.
 */
@Service
public class ClaimSettlement implements PayableClaims {

	private final JdbcClient jdbc;

	ClaimSettlement(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Payable> lockPayable(String payerBody, LocalDate cutOff) {
		return jdbc.sql("""
				select id, kind, member_idcs, establishment_inpe, regime, covered, state_share from claim
				where status in ('APPROVED', 'PARTIALLY_APPROVED') and payer_body = ? and decided_at < ?::date + 1
				  and covered + state_share > 0
				order by decided_at, id for update skip locked""")
			.params(payerBody, cutOff)
			.query((rs, n) -> {
				boolean invoice = ClaimKind.valueOf(rs.getString("kind")) == ClaimKind.PROVIDER_INVOICE;
				return new Payable(rs.getLong("id"), invoice ? PayeeKind.ESTABLISHMENT : PayeeKind.MEMBER,
						rs.getString(invoice ? "establishment_inpe" : "member_idcs"), rs.getString("regime"),
						new Money(rs.getBigDecimal("covered")), new Money(rs.getBigDecimal("state_share")));
			})
			.list();
	}
}
