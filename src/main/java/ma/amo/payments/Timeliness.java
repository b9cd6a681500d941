package ma.amo.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The indicator of payments made in time: of the claims paid in each month, the share paid within their delay, by
 * count and by amount, per payer body and kind of payee. The delays are those of {@link PaymentDeadlines}; a member's
 * own claims have no published delay: their payments are counted, with no share in time.
 */
@Service
public class Timeliness {

	/** The longest period asked at once: a year of monthly figures. */
	static final int MAX_DAYS = 366;

	/** Who was paid: the member for their own claims, an establishment or a pharmacy in tiers payant. */
	public enum PayeeKind {
		MEMBER, ESTABLISHMENT, PHARMACY
	}

	/**
	 * One month, payer body and kind of payee: the claims paid and their amount, those paid within their delay, and the
	 * shares in percent (one decimal); the delay fields are null for members' own claims, which have none.
	 */
	public record Month(YearMonth month, String payerBody, PayeeKind payeeKind, long paid, Money paidAmount,
			Long inTime, Money inTimeAmount, BigDecimal inTimeShare, BigDecimal inTimeAmountShare) {
	}

	private final JdbcClient jdbc;
	private final PaymentDeadlines deadlines;

	Timeliness(JdbcClient jdbc, PaymentDeadlines deadlines) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
	}

	/** The payments made from {@code from} to {@code to} (both included, at most a year), month by month. */
	public List<Month> between(String payerBody, LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInput("from", "required", "is required");
		}
		if (to == null) {
			throw new InvalidInput("to", "required", "is required");
		}
		PaymentDeadlines.checkDay("from", from);
		PaymentDeadlines.checkDay("to", to);
		if (from.isAfter(to)) {
			throw new InvalidInput("from", "from-before-to", "must be on or before to");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new InvalidInput("to", "max-range", "the period is at most " + MAX_DAYS + " days");
		}
		String body = deadlines.scope(payerBody).orElse(null);
		PaymentDeadlines.Delays delays = deadlines.delays();
		return jdbc.sql("""
				with paid as (
				  select c.payer_body, c.filed_on, pc.amount,
				         case when c.kind = 'MEMBER_REIMBURSEMENT' then 'MEMBER'
				              when e.category = 'PHARMACY' then 'PHARMACY' else 'ESTABLISHMENT' end as payee_kind,
				         %s as paid_on
				  from payment_batch b
				  join payment_batch_claim pc on pc.batch_id = b.id
				  join claim c on c.id = pc.claim_id
				  left join establishment e on e.inpe = c.establishment_inpe and c.kind = 'PROVIDER_INVOICE'
				  where b.status = 'APPROVED'
				    and b.approved_at >= (cast(:from as date)::timestamp at time zone 'Africa/Casablanca')
				    and b.approved_at < ((cast(:to as date) + 1)::timestamp at time zone 'Africa/Casablanca')
				    and (cast(:body as text) is null or b.payer_body = :body)
				), timed as (
				  select paid.*, paid.paid_on <= paid.filed_on + d.days as in_time
				  from paid
				  left join lateral (select p.days from unnest(:kinds::text[], :froms::date[], :days::int[]) as p(kind, from_day, days)
				                     where p.kind = paid.payee_kind and p.from_day <= paid.filed_on
				                     order by p.from_day desc limit 1) d on true
				)
				select to_char(paid_on, 'YYYY-MM') as month, payer_body, payee_kind, count(*) as paid, sum(amount) as amount,
				       count(*) filter (where in_time) as in_time, coalesce(sum(amount) filter (where in_time), 0) as in_time_amount
				from timed group by 1, 2, 3 order by 1, 2, 3""".formatted(PaymentDeadlines.PAID_ON))
			.param("from", from)
			.param("to", to)
			.param("body", body)
			.param("kinds", delays.kinds())
			.param("froms", delays.froms())
			.param("days", delays.days())
			.query((rs, n) -> {
				PayeeKind kind = PayeeKind.valueOf(rs.getString("payee_kind"));
				long paid = rs.getLong("paid");
				Money amount = new Money(rs.getBigDecimal("amount"));
				if (kind == PayeeKind.MEMBER) {
					return new Month(YearMonth.parse(rs.getString("month")), rs.getString("payer_body"), kind, paid, amount,
							null, null, null, null);
				}
				long inTime = rs.getLong("in_time");
				Money inTimeAmount = new Money(rs.getBigDecimal("in_time_amount"));
				return new Month(YearMonth.parse(rs.getString("month")), rs.getString("payer_body"), kind, paid, amount,
						inTime, inTimeAmount, percent(BigDecimal.valueOf(inTime), BigDecimal.valueOf(paid)),
						percent(inTimeAmount.amount(), amount.amount()));
			})
			.list();
	}

	/** A share in percent to one decimal, half-up; none of nothing. */
	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
	}
}
