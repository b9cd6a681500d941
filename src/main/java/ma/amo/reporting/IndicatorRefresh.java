package ma.amo.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import ma.amo.payments.Timeliness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes every indicator's cells from the other modules' tables, in one transaction, each indicator by one
 * set-based query: a few seconds for a million persons, in the background (at start and then every
 * {@code amo.reporting.refresh-interval}, 15 minutes by default), so that no visit of the dashboard waits for it.
 * Readers keep the previous figures until the new ones are committed; two computations never run together.
 * The payment delays come from the payments module's {@link Timeliness}, where the legal delays are applied.
 */
@Service
public class IndicatorRefresh {

	private static final Logger log = LoggerFactory.getLogger(IndicatorRefresh.class);

	/** The month of an instant as the payer bodies count it: in Morocco, whatever the server's zone. */
	private static final String MONTH_OF = "date_trunc('month', (%s at time zone 'Africa/Casablanca'))::date";

	private static final String INSERT = "insert into reporting_figure (indicator, payer_body, month, key1, key2, label, n, n2, amount, amount2) ";

	/** The acts' care categories, from the published tariff versions, the latest version of each code. */
	private static final String ACT_CATEGORIES = """
			acts as (select distinct on (a.code) a.code, a.care_category
			         from act a join tariff_version v on v.id = a.version_id and v.status = 'PUBLISHED'
			         order by a.code, v.effective_from desc)""";

	/** The medicines' names and kinds (brand or generic), from the latest referential that lists each code. */
	private static final String MEDICINES = """
			medicines as (select distinct on (m.code) m.code, m.name || ' ' || m.dosage as name, m.brand_or_generic
			              from medicine m join medicine_referential r on r.id = m.referential_id and r.status = 'PUBLISHED'
			              order by m.code, r.effective_from desc)""";

	private static final String DECIDED = "c.status in ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'PAID') and c.decided_at is not null";

	/** Each indicator's cells, computed for the day {@code :today}. */
	private static final Map<String, String> QUERIES = new LinkedHashMap<>();

	static {
		QUERIES.put("beneficiaires", INSERT + """
				select 'beneficiaires', m.payer_body, null, e.regime, p.region, null, count(*), 0, 0, 0
				from enrolment e join member m on m.id = e.member_id join person p on p.idcs = m.idcs
				where e.start_date <= :today and (e.end_date is null or e.end_date >= :today)
				  and (p.death_date is null or p.death_date > :today)
				group by m.payer_body, e.regime, p.region;
				""" + INSERT + """
				select 'beneficiaires', m.payer_body, null, e.regime, p.region, null, 0, count(*), 0, 0
				from dependant d join member m on m.id = d.member_id join person p on p.idcs = d.idcs
				join enrolment e on e.member_id = m.id and e.start_date <= :today and (e.end_date is null or e.end_date >= :today)
				where d.start_date <= :today and (d.end_date is null or d.end_date >= :today)
				  and (p.death_date is null or p.death_date > :today)
				group by m.payer_body, e.regime, p.region""");
		// Tadamon and Achamil are run by the CNSS.
		QUERIES.put("inscriptions-tadamon-achamil", INSERT + """
				select 'inscriptions-tadamon-achamil', 'CNSS', date_trunc('month', decided_on)::date, programme, outcome, null,
				       count(*), 0, 0, 0
				from targeting_decision where decided_on <= :today group by 3, 4, 5""");
		// The code before the colon only: the rest of a reason names the household's own score and dates.
		QUERIES.put("rejets-tadamon", INSERT + """
				select 'rejets-tadamon', 'CNSS', date_trunc('month', decided_on)::date, split_part(reason, ':', 1), '', null,
				       count(*), 0, 0, 0
				from targeting_decision where programme = 'TADAMON' and outcome = 'REJECTED' and decided_on <= :today
				group by 3, 4""");
		QUERIES.put("dossiers-par-mois", INSERT + """
				select 'dossiers-par-mois', coalesce(c.payer_body, '-'), date_trunc('month', c.filed_on)::date, 'FILED', '', null,
				       count(*), 0, sum(c.billed), 0
				from claim c where c.filed_on <= :today group by 2, 3
				union all
				select 'dossiers-par-mois', coalesce(c.payer_body, '-'), %s, 'DECIDED', '', null, count(*), 0,
				       coalesce(sum(c.covered), 0), 0
				from claim c where %s group by 2, 3
				union all
				select 'dossiers-par-mois', b.payer_body, %s, 'PAID', '', null, count(*), 0, sum(pc.amount), 0
				from payment_batch b join payment_batch_claim pc on pc.batch_id = b.id and pc.released_at is null
				where b.approved_at is not null and b.status <> 'CANCELLED' group by 2, 3"""
			.formatted(MONTH_OF.formatted("c.decided_at"), DECIDED, MONTH_OF.formatted("b.approved_at")));
		QUERIES.put("montants-par-categorie", "with " + ACT_CATEGORIES + " " + INSERT + """
				select 'montants-par-categorie', coalesce(c.payer_body, '-'), %s,
				       case when l.medicine_code is not null then 'MEDICINES' else coalesce(a.care_category, 'OTHER') end, '', null,
				       count(*), 0, sum(l.billed), coalesce(sum(l.covered), 0)
				from claim c join claim_line l on l.claim_id = c.id left join acts a on a.code = l.act_code
				where %s group by 2, 3, 4""".formatted(MONTH_OF.formatted("c.decided_at"), DECIDED));
		QUERIES.put("accords-prealables-dans-les-delais", INSERT + """
				select 'accords-prealables-dans-les-delais', coalesce(payer_body, '-'), date_trunc('month', decided_at)::date,
				       '', '', null, count(*), count(*) filter (where decided_at <= due_at), 0, 0
				from prior_approval where status in ('APPROVED', 'REJECTED') and decided_at is not null group by 2, 3""");
		// A line rejected for two reasons counts under each.
		QUERIES.put("rejets-par-motif", INSERT + """
				select 'rejets-par-motif', coalesce(c.payer_body, '-'), %s, r.code, '', null, count(*), 0, sum(l.billed), 0
				from claim c join claim_line l on l.claim_id = c.id and l.outcome = 'REJECTED'
				join claim_line_reason r on r.claim_id = l.claim_id and r.line_no = l.line_no
				where %s group by 2, 3, 4""".formatted(MONTH_OF.formatted("c.decided_at"), DECIDED));
		QUERIES.put("medicaments", "with " + MEDICINES + " " + INSERT + """
				select 'medicaments', coalesce(c.payer_body, '-'), %s, l.medicine_code, coalesce(m.brand_or_generic, '?'),
				       max(m.name), count(*), coalesce(sum(l.quantity), 0), sum(l.billed), coalesce(sum(l.covered), 0)
				from claim c join claim_line l on l.claim_id = c.id and l.medicine_code is not null
				left join medicines m on m.code = l.medicine_code
				where %s group by 2, 3, 4, 5""".formatted(MONTH_OF.formatted("c.decided_at"), DECIDED));
		// A complaint counts in the month its answer was due, once that day has come or it was answered.
		QUERIES.put("reclamations-dans-les-delais", INSERT + """
				select 'reclamations-dans-les-delais', '-', date_trunc('month', answer_due)::date, '', '', null, count(*),
				       count(*) filter (where answered_on <= answer_due), 0, 0
				from complaint where answer_due <= :today or answered_on is not null group by 3""");
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Timeliness timeliness;
	private final Clock clock;

	IndicatorRefresh(JdbcClient jdbc, TransactionTemplate transactions, Timeliness timeliness, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.timeliness = timeliness;
		this.clock = clock;
	}

	/** What one computation did: the day it describes, and each indicator's time in milliseconds. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorRefresh")
	public record Refreshed(LocalDate asOf, Map<String, Long> millis) {
	}

	@Scheduled(initialDelayString = "${amo.reporting.first-refresh-delay:PT20S}",
			fixedDelayString = "${amo.reporting.refresh-interval:PT15M}")
	void onSchedule() {
		try {
			Refreshed done = refresh();
			log.info("Indicators computed for {} in {} ms", done.asOf(),
					done.millis().values().stream().mapToLong(Long::longValue).sum());
		}
		catch (RuntimeException failed) {
			// The previous figures stay; the next run tries again.
			log.warn("Indicators not computed: {}", failed.getMessage());
		}
	}

	/** Computes every indicator again for today, replacing its previous figures at once. */
	public Refreshed refresh() {
		LocalDate today = LocalDate.now(clock);
		return transactions.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('reporting_figure'))").query().singleValue();
			Map<String, Long> millis = new LinkedHashMap<>();
			for (Map.Entry<String, String> query : QUERIES.entrySet()) {
				long start = System.nanoTime();
				jdbc.sql("delete from reporting_figure where indicator = :indicator").param("indicator", query.getKey()).update();
				int cells = 0;
				for (String statement : query.getValue().split(";\n")) {
					cells += jdbc.sql(statement).param("today", today).update();
				}
				millis.put(query.getKey(), record(query.getKey(), today, start, cells));
			}
			long start = System.nanoTime();
			millis.put("delais-de-paiement", record("delais-de-paiement", today, start, paymentDelays(today)));
			return new Refreshed(today, millis);
		});
	}

	/**
	 * The claims paid each month by payer body and kind of payee, those within their legal delay (as payments measures
	 * it), and the days from filing to payment, summed so that the mean adds up across bodies and months.
	 */
	private int paymentDelays(LocalDate today) {
		jdbc.sql("delete from reporting_figure where indicator = 'delais-de-paiement'").update();
		// A claim is paid when its batch is approved (payments dates it so): the first approval opens the series.
		LocalDate first = jdbc.sql("select min(approved_at) from payment_batch").query(OffsetDateTime.class).optional()
			.map(OffsetDateTime::toLocalDate).orElse(null);
		if (first == null) {
			return 0;
		}
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, BigDecimal> amounts = new LinkedHashMap<>();
		// Timeliness answers a year at most: asked year by year, a month cut in two is added up.
		for (LocalDate from = first.withDayOfMonth(1).isBefore(LocalDate.of(2005, 1, 1)) ? LocalDate.of(2005, 1, 1)
				: first.withDayOfMonth(1); !from.isAfter(today); from = from.plusDays(366)) {
			LocalDate to = from.plusDays(365).isAfter(today) ? today : from.plusDays(365);
			for (Timeliness.Month month : timeliness.between(null, from, to)) {
				String key = month.month() + "|" + month.payerBody() + "|" + month.payeeKind();
				long[] count = counts.computeIfAbsent(key, k -> new long[2]);
				count[0] += month.paid();
				count[1] += month.inTime() == null ? 0 : month.inTime();
				amounts.merge(key, month.paidAmount().amount(), BigDecimal::add);
			}
		}
		Map<String, BigDecimal> days = new LinkedHashMap<>();
		jdbc.sql("""
				select to_char(b.approved_at at time zone 'Africa/Casablanca', 'YYYY-MM') as month, c.payer_body,
				       case when c.kind = 'MEMBER_REIMBURSEMENT' then 'MEMBER'
				            when e.category = 'PHARMACY' then 'PHARMACY' else 'ESTABLISHMENT' end as payee_kind,
				       sum((b.approved_at at time zone 'Africa/Casablanca')::date - c.filed_on) as days
				from payment_batch b join payment_batch_claim pc on pc.batch_id = b.id join claim c on c.id = pc.claim_id
				left join establishment e on e.inpe = c.establishment_inpe and c.kind = 'PROVIDER_INVOICE'
				where b.status = 'APPROVED' group by 1, 2, 3""")
			.query((rs, n) -> days.put(rs.getString("month") + "|" + rs.getString("payer_body") + "|"
					+ rs.getString("payee_kind"), rs.getBigDecimal("days")))
			.list();
		for (Map.Entry<String, long[]> cell : counts.entrySet()) {
			String[] key = cell.getKey().split("\\|");
			jdbc.sql(INSERT + "values ('delais-de-paiement', :body, :month, :kind, '', null, :n, :n2, :amount, :days)")
				.param("body", key[1])
				.param("month", YearMonth.parse(key[0]).atDay(1))
				.param("kind", key[2])
				.param("n", cell.getValue()[0])
				.param("n2", cell.getValue()[1])
				.param("amount", amounts.get(cell.getKey()))
				.param("days", days.getOrDefault(cell.getKey(), BigDecimal.ZERO))
				.update();
		}
		return counts.size();
	}

	private long record(String indicator, LocalDate today, long start, int cells) {
		long millis = (System.nanoTime() - start) / 1_000_000;
		jdbc.sql("""
				insert into reporting_refresh (indicator, as_of, refreshed_at, millis, cells) values (:indicator, :today, now(), :millis, :cells)
				on conflict (indicator) do update set as_of = excluded.as_of, refreshed_at = excluded.refreshed_at,
				  millis = excluded.millis, cells = excluded.cells""")
			.param("indicator", indicator)
			.param("today", today)
			.param("millis", millis)
			.param("cells", cells)
			.update();
		return millis;
	}
}
