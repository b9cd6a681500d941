package ma.amo.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.amo.parameters.Parameters;
import ma.amo.providers.Inpe;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.PageOf;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The legal delays of payment and the claims beyond them. A complete invoice is paid within a number of calendar days
 * of its filing: 60 for establishments, 30 for pharmacies in tiers payant (amo-rules.md, "Public establishments and
 * payments"), effective-dated parameters {@code payments.deadline-days.ESTABLISHMENT} and {@code .PHARMACY} read at
 * the filing date. No delay is published for a member's own claim: those are reported apart, without a deadline.
 * <p>
 * A claim is paid on the day of the batch that pays it. These reports read the claims' decided amounts and the
 * establishments' categories as stored by their modules, in one set-based query, so that a payer body's whole book
 * is measured without loading it.
 */
@Service
public class PaymentDeadlines {

	/** The payees a delay applies to; the member's own claims have none. */
	public enum DueKind {
		ESTABLISHMENT, PHARMACY
	}

	/** Whether a late claim still waits for its payment or was paid after its deadline. */
	public enum Lateness {
		UNPAID, PAID_LATE
	}

	/**
	 * A claim beyond its deadline on the date asked: the payee (an establishment's INPE and name), the invoice's filing
	 * date, the deadline and the delay it was under, the payment's day when it was paid late, and the days late.
	 */
	public record LateClaim(long claimId, String payerBody, DueKind payeeKind, String payee, String payeeName,
			LocalDate filedOn, int deadlineDays, LocalDate deadline, Lateness lateness, LocalDate paidOn, int daysLate,
			Money amount) {
	}

	/** How far back paid-late claims are listed: the year up to the date asked. */
	static final int PAID_LATE_WINDOW_DAYS = 366;

	static final int MAX_PAGE_SIZE = 200;

	/**
	 * The payment's business day: the day a second finance account approved the batch, by the business clock (a batch
	 * prepared but not approved is not paid), in Morocco's day whatever the server's zone.
	 */
	static final String PAID_ON = "(b.approved_at at time zone 'Africa/Casablanca')::date";

	private final JdbcClient jdbc;
	private final Parameters parameters;
	private final Clock clock;

	PaymentDeadlines(JdbcClient jdbc, Parameters parameters, Clock clock) {
		this.jdbc = jdbc;
		this.parameters = parameters;
		this.clock = clock;
	}

	/**
	 * The claims of establishments and pharmacies beyond their deadline on {@code at} (today when absent): decided by
	 * then and not paid on that date, or paid late within the year up to it; the latest first; of one establishment when
	 * {@code payee} (an INPE) is given. An agent of a payer body sees only
	 * that body's claims, whatever body is asked.
	 */
	public PageOf<LateClaim> late(LocalDate at, String payerBody, String payee, int page, int size) {
		PageOf.check(page, size, MAX_PAGE_SIZE);
		if (payee != null && Inpe.problem(payee) != null) {
			throw new InvalidInput("payee", "inpe", Inpe.problem(payee));
		}
		LocalDate day = at == null ? LocalDate.now(clock) : at;
		checkDay("at", day);
		Optional<String> body = scope(payerBody);
		Delays delays = delays();
		long[] total = { -1 };
		List<LateClaim> rows = jdbc.sql("""
				with due as (
				  select c.id, c.payer_body, c.establishment_inpe as payee, e.name as payee_name, c.filed_on, c.covered,
				         case when e.category = 'PHARMACY' then 'PHARMACY' else 'ESTABLISHMENT' end as payee_kind,
				         case when %s <= :at then %s end as paid_on
				  from claim c
				  join establishment e on e.inpe = c.establishment_inpe
				  left join payment_batch_claim pc on pc.claim_id = c.id
				  left join payment_batch b on b.id = pc.batch_id
				  where c.kind = 'PROVIDER_INVOICE' and c.covered > 0 and c.filed_on <= :at and c.decided_at < :at + 1
				    and (cast(:body as text) is null or c.payer_body = :body)
				    and (cast(:payee as text) is null or c.establishment_inpe = :payee)
				    and ((pc.claim_id is null and c.status in ('APPROVED', 'PARTIALLY_APPROVED'))
				      or (pc.claim_id is not null and coalesce(%s, :at) > :at - :window))
				), timed as (
				  select due.*, d.days, due.filed_on + d.days as deadline,
				         coalesce(due.paid_on, :at) - (due.filed_on + d.days) as days_late
				  from due
				  cross join lateral (select p.days from unnest(:kinds::text[], :froms::date[], :days::int[]) as p(kind, from_day, days)
				                      where p.kind = due.payee_kind and p.from_day <= due.filed_on
				                      order by p.from_day desc limit 1) d
				)
				select timed.*, count(*) over () as total from timed where days_late > 0
				order by days_late desc, id limit :size offset :offset""".formatted(PAID_ON, PAID_ON, PAID_ON))
			.param("at", day)
			.param("body", body.orElse(null))
			.param("payee", payee)
			.param("window", PAID_LATE_WINDOW_DAYS)
			.param("kinds", delays.kinds())
			.param("froms", delays.froms())
			.param("days", delays.days())
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				LocalDate paidOn = rs.getObject("paid_on", LocalDate.class);
				return new LateClaim(rs.getLong("id"), rs.getString("payer_body"), DueKind.valueOf(rs.getString("payee_kind")),
						rs.getString("payee"), rs.getString("payee_name"), rs.getObject("filed_on", LocalDate.class),
						rs.getInt("days"), rs.getObject("deadline", LocalDate.class),
						paidOn == null ? Lateness.UNPAID : Lateness.PAID_LATE, paidOn, rs.getInt("days_late"),
						new Money(rs.getBigDecimal("covered")));
			})
			.list();
		long count = total[0] < 0 ? countBeyond(page, size) : total[0];
		return PageOf.of(rows, page, size, count);
	}

	/** A page past the end has no row to carry the total: it is then only known to be at most the rows skipped. */
	private static long countBeyond(int page, int size) {
		return page == 0 ? 0 : (long) page * size;
	}

	/**
	 * The payer body a viewer may read: an agent's own (asking for another is refused), or the one asked (all when
	 * none) for finance and administrators.
	 */
	Optional<String> scope(String payerBody) {
		if (payerBody != null && !"CNSS".equals(payerBody) && !"CNOPS".equals(payerBody)) {
			throw new InvalidInput("payerBody", "payer-body", "must be CNSS or CNOPS");
		}
		Optional<Viewer> viewer = Viewer.current();
		if (viewer.isPresent() && viewer.get().role() == Viewer.Role.PAYER_AGENT) {
			String own = viewer.get().payerBody();
			Viewer.require(own != null && (payerBody == null || payerBody.equals(own)),
					"the payments of " + payerBody + " are outside your scope");
			return Optional.of(own);
		}
		return Optional.ofNullable(payerBody);
	}

	/** Dates asked of these reports: the platform's years, not a typing slip of centuries. */
	static void checkDay(String field, LocalDate day) {
		if (day.getYear() < 2005 || day.getYear() > 2100) {
			throw new InvalidInput(field, "date-range", "must be between 2005 and 2100");
		}
	}

	/** Every value of the two delay parameters with its effective date, as arrays the query picks from by filing date. */
	Delays delays() {
		List<String> kinds = new ArrayList<>();
		List<String> froms = new ArrayList<>();
		List<Integer> days = new ArrayList<>();
		for (DueKind kind : DueKind.values()) {
			for (Map.Entry<LocalDate, String> value : parameters.definition(parameterOf(kind)).values().entrySet()) {
				kinds.add(kind.name());
				froms.add(value.getKey().toString());
				days.add(Integer.parseInt(value.getValue().strip()));
			}
		}
		return new Delays(kinds.toArray(String[]::new), froms.toArray(String[]::new), days.toArray(Integer[]::new));
	}

	/** The delay of a kind of payee for an invoice filed on a date. */
	public int deadlineDays(DueKind kind, LocalDate filedOn) {
		return parameters.integer(parameterOf(kind), filedOn);
	}

	static String parameterOf(DueKind kind) {
		return "payments.deadline-days." + kind.name();
	}

	record Delays(String[] kinds, String[] froms, Integer[] days) {
	}
}
