package ma.amo.reporting;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The indicators of the dashboard, in the order it shows them: each reads its cells of {@code reporting_figure} (see
 * {@link IndicatorRefresh} for how they are computed) for a period and a payer body, and says which columns it answers
 * and how its chart draws them. The French title and definition of each are in the bundle {@code i18n/reporting}.
 */
public enum Indicator {

	BENEFICIARIES("beneficiaires", false, true, new Chart("bar", "region", "regime", List.of("total")),
			List.of(Column.code("regime"), Column.text("region"), Column.count("members"), Column.count("dependants"),
					Column.count("total")),
			"""
			select key1 as regime, key2 as region, sum(n) as members, sum(n2) as dependants, sum(n + n2) as total
			from reporting_figure where indicator = :indicator and (cast(:body as text) is null or payer_body = :body)
			group by key1, key2 order by key1, key2"""),

	SOCIAL_ENROLMENTS("inscriptions-tadamon-achamil", true, true,
			new Chart("line", "month", null, List.of("tadamonRegistered", "tadamonRejected", "achamilRegistered",
					"achamilRejected")),
			List.of(Column.month(), Column.count("tadamonRegistered"), Column.count("tadamonRejected"),
					Column.count("achamilRegistered"), Column.count("achamilRejected")),
			"""
			select to_char(month, 'YYYY-MM') as month,
			       sum(n) filter (where key1 = 'TADAMON' and key2 = 'REGISTERED') as tadamon_registered,
			       sum(n) filter (where key1 = 'TADAMON' and key2 = 'REJECTED') as tadamon_rejected,
			       sum(n) filter (where key1 = 'ACHAMIL' and key2 = 'REGISTERED') as achamil_registered,
			       sum(n) filter (where key1 = 'ACHAMIL' and key2 = 'REJECTED') as achamil_rejected
			from reporting_figure where indicator = :indicator and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by month order by month"""),

	TADAMON_REJECTIONS("rejets-tadamon", true, true, new Chart("bar", "reason", null, List.of("rejected")),
			List.of(Column.code("reason"), Column.count("rejected")),
			"""
			select key1 as reason, sum(n) as rejected
			from reporting_figure where indicator = :indicator and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by key1 order by 2 desc, 1"""),

	CLAIMS("dossiers-par-mois", true, true, new Chart("bar", "month", null, List.of("filed", "decided", "paid")),
			List.of(Column.month(), Column.count("filed"), Column.amount("billed", "filed"), Column.count("decided"),
					Column.amount("covered", "decided"), Column.count("paid"), Column.amount("paidAmount", "paid")),
			"""
			select to_char(month, 'YYYY-MM') as month,
			       coalesce(sum(n) filter (where key1 = 'FILED'), 0) as filed,
			       coalesce(sum(amount) filter (where key1 = 'FILED'), 0) as billed,
			       coalesce(sum(n) filter (where key1 = 'DECIDED'), 0) as decided,
			       coalesce(sum(amount) filter (where key1 = 'DECIDED'), 0) as covered,
			       coalesce(sum(n) filter (where key1 = 'PAID'), 0) as paid,
			       coalesce(sum(amount) filter (where key1 = 'PAID'), 0) as paid_amount
			from reporting_figure where indicator = :indicator and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by month order by month"""),

	CARE_CATEGORIES("montants-par-categorie", true, true, new Chart("bar", "category", null, List.of("billed", "covered")),
			List.of(Column.code("category"), Column.count("lines"), Column.amount("billed", "lines"),
					Column.amount("covered", "lines")),
			"""
			select key1 as category, sum(n) as lines, sum(amount) as billed, sum(amount2) as covered
			from reporting_figure where indicator = :indicator and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by key1 order by 4 desc, 1"""),

	PAYMENT_DELAYS("delais-de-paiement", true, true, new Chart("line", "month", "payee", List.of("inTimeShare")),
			List.of(Column.month(), Column.code("payee"), Column.count("paid"), Column.count("inTime"),
					Column.share("inTimeShare", "paid"), Column.days("meanDays", "paid"), Column.amount("paidAmount", "paid")),
			"""
			select to_char(month, 'YYYY-MM') as month, key1 as payee, sum(n) as paid,
			       case when key1 <> 'MEMBER' then sum(n2) end as in_time,
			       case when key1 <> 'MEMBER' then round(100.0 * sum(n2) / nullif(sum(n), 0), 1) end as in_time_share,
			       round(sum(amount2) / nullif(sum(n), 0), 1) as mean_days, sum(amount) as paid_amount
			from reporting_figure where indicator = :indicator and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by month, key1 order by month, key1"""),

	APPROVALS("accords-prealables-dans-les-delais", true, true, new Chart("line", "month", null, List.of("inTimeShare")),
			List.of(Column.month(), Column.count("answered"), Column.count("inTime"), Column.share("inTimeShare", "answered")),
			"""
			select to_char(month, 'YYYY-MM') as month, sum(n) as answered, sum(n2) as in_time,
			       round(100.0 * sum(n2) / nullif(sum(n), 0), 1) as in_time_share
			from reporting_figure where indicator = :indicator and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by month order by month"""),

	REJECTION_REASONS("rejets-par-motif", true, true, new Chart("bar", "reason", null, List.of("lines")),
			List.of(Column.text("reason"), Column.count("lines"), Column.amount("billed", "lines")),
			"""
			select key1 as reason, sum(n) as lines, sum(amount) as billed
			from reporting_figure where indicator = :indicator and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by key1 order by 2 desc, 1 limit 20"""),

	TOP_MEDICINES("medicaments-les-plus-rembourses", true, true, new Chart("bar", "medicine", null, List.of("covered")),
			List.of(Column.text("code"), Column.text("medicine"), Column.code("kind"), Column.count("lines"),
					Column.amount("billed", "lines"), Column.amount("covered", "lines")),
			"""
			select key1 as code, max(label) as medicine, max(key2) as kind, sum(n) as lines, sum(amount) as billed,
			       sum(amount2) as covered
			from reporting_figure where indicator = 'medicaments' and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by key1 order by 6 desc, 1 limit 10"""),

	GENERIC_SHARE("part-des-generiques", true, true, new Chart("line", "month", null, List.of("genericShare")),
			List.of(Column.month(), Column.count("lines"), Column.amount("billed", "lines"),
					Column.amount("genericBilled", "lines"), Column.share("genericShare", "lines")),
			"""
			select to_char(month, 'YYYY-MM') as month, sum(n) as lines, sum(amount) as billed,
			       coalesce(sum(amount) filter (where key2 = 'G'), 0) as generic_billed,
			       round(100.0 * coalesce(sum(amount) filter (where key2 = 'G'), 0) / nullif(sum(amount), 0), 1) as generic_share
			from reporting_figure where indicator = 'medicaments' and month between :from and :to
			  and (cast(:body as text) is null or payer_body = :body)
			group by month order by month"""),

	COMPLAINTS("reclamations-dans-les-delais", true, false, new Chart("line", "month", null, List.of("inTimeShare")),
			List.of(Column.month(), Column.count("due"), Column.count("inTime"), Column.share("inTimeShare", "due")),
			"""
			select to_char(month, 'YYYY-MM') as month, sum(n) as due, sum(n2) as in_time,
			       round(100.0 * sum(n2) / nullif(sum(n), 0), 1) as in_time_share
			from reporting_figure where indicator = :indicator and month between :from and :to
			group by month order by month""");

	/** What a column holds, which sets how it is written and whether it is hidden when its count is small. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorColumnKind")
	public enum Kind {
		TEXT, CODE, MONTH, COUNT, AMOUNT, SHARE, DAYS
	}

	/**
	 * A column: its key (also the message key of its heading), what it holds, and for a figure computed over a count
	 * (an amount, a share, a mean), the column of that count, so that the figure is hidden with it.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorColumnDefinition")
	public record Column(String key, Kind kind, String basis) {

		static Column text(String key) {
			return new Column(key, Kind.TEXT, null);
		}

		static Column code(String key) {
			return new Column(key, Kind.CODE, null);
		}

		static Column month() {
			return new Column("month", Kind.MONTH, null);
		}

		static Column count(String key) {
			return new Column(key, Kind.COUNT, null);
		}

		static Column amount(String key, String basis) {
			return new Column(key, Kind.AMOUNT, basis);
		}

		static Column share(String key, String basis) {
			return new Column(key, Kind.SHARE, basis);
		}

		static Column days(String key, String basis) {
			return new Column(key, Kind.DAYS, basis);
		}
	}

	/**
	 * How the chart draws the rows: its type, the column along the axis, the column whose values make one series each
	 * (none: each value column is a series), and the value columns.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorChart")
	public record Chart(String type, String label, String series, List<String> values) {
	}

	private final String code;
	private final boolean monthly;
	private final boolean byPayerBody;
	private final Chart chart;
	private final List<Column> columns;
	private final String sql;

	Indicator(String code, boolean monthly, boolean byPayerBody, Chart chart, List<Column> columns, String sql) {
		this.code = code;
		this.monthly = monthly;
		this.byPayerBody = byPayerBody;
		this.chart = chart;
		this.columns = columns;
		this.sql = sql;
	}

	/** The code of the indicator in its addresses and file names. */
	public String code() {
		return code;
	}

	/** Whether the figures are per month (filtered by the period) or of the day of the last computation. */
	public boolean monthly() {
		return monthly;
	}

	/** Whether the figures are per payer body; complaints carry none, and are the platform's whole. */
	public boolean byPayerBody() {
		return byPayerBody;
	}

	public Chart chart() {
		return chart;
	}

	public List<Column> columns() {
		return columns;
	}

	/** The cells of {@code reporting_figure} this indicator reads: the medicines' two share one computation. */
	String figures() {
		return this == TOP_MEDICINES || this == GENERIC_SHARE ? "medicaments" : code;
	}

	String sql() {
		return sql;
	}

	public static Optional<Indicator> of(String code) {
		return Stream.of(values()).filter(i -> i.code.equals(code)).findFirst();
	}
}
