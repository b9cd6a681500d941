package ma.amo.reporting;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import ma.amo.shared.NotFound;
import ma.amo.claims.ClaimAdjudication;
import ma.amo.parameters.Parameters;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The indicators as their readers see them: a table per indicator with its French (or Arabic) headings, title and
 * definition, and the chart that draws it. Counts from 1 to the parameter {@code reporting.small-count} less one (4 by default) are
 * hidden, with every amount, share and mean computed over them, so that no figure points at a few persons: the table
 * says {@code null} (an empty cell in a CSV file) where a figure is hidden.
 */
@Service
public class Indicators {

	/** A column as the reader sees it: its key, its heading and what it holds. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorColumn")
	public record Heading(String key, String label, Indicator.Kind kind) {
	}

	/**
	 * One indicator read for a period and a payer body (null: both, or none for complaints), as of the day of its last
	 * computation: headings, rows (cells in the headings' order; null where hidden), and the chart.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorTable")
	public record Table(String code, String title, String definition, String from, String to, String payerBody,
			String asOf, OffsetDateTime refreshedAt, int smallCount, List<Heading> columns, List<List<Object>> rows,
			Indicator.Chart chart) {
	}

	/** An indicator in the list: its code, title and definition. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorSummary")
	public record Summary(String code, String title, String definition, OffsetDateTime refreshedAt) {
	}

	private final JdbcClient jdbc;
	private final ClaimAdjudication claims;
	private final MessageSource messages;
	private final Parameters parameters;
	private final Clock clock;

	Indicators(JdbcClient jdbc, ClaimAdjudication claims, MessageSource messages, Parameters parameters, Clock clock) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.messages = messages;
		this.parameters = parameters;
		this.clock = clock;
	}

	/** Counts below this are hidden: the parameter {@code reporting.small-count} of today. */
	public int smallCount() {
		return parameters.integer("reporting.small-count", LocalDate.now(clock));
	}

	/** Every indicator with its title and definition, in the dashboard's order. */
	public List<Summary> list(Locale locale) {
		return List.of(Indicator.values()).stream()
			.map(i -> new Summary(i.code(), title(i, locale), definition(i, locale), refreshed(i).refreshedAt()))
			.toList();
	}

	/** The indicator of that code, or NotFound. */
	public Indicator indicator(String code) {
		return Indicator.of(code).orElseThrow(() -> new NotFound("code", "no indicator " + code));
	}

	/** One indicator read for the filter, in the viewer's language. */
	public Table table(Indicator indicator, IndicatorFilter filter, Locale locale) {
		List<Indicator.Column> columns = indicator.columns();
		int smallCount = smallCount();
		Map<String, String> reasons = indicator == Indicator.REJECTION_REASONS ? claimReasons() : Map.of();
		List<List<Object>> rows = jdbc.sql(indicator.sql())
			.param("indicator", indicator.figures())
			.param("from", filter.from().atDay(1))
			.param("to", filter.to().atDay(1))
			.param("body", indicator.byPayerBody() ? filter.payerBody() : null)
			.query((rs, n) -> {
				ResultSetMetaData meta = rs.getMetaData();
				List<Object> row = new ArrayList<>(columns.size());
				for (int i = 0; i < columns.size() && i < meta.getColumnCount(); i++) {
					Indicator.Column column = columns.get(i);
					Object value = switch (column.kind()) {
						case COUNT -> rs.getObject(i + 1) == null ? null : rs.getLong(i + 1);
						case AMOUNT, SHARE, DAYS -> rs.getBigDecimal(i + 1);
						case CODE -> label(column.key(), rs.getString(i + 1), locale);
						default -> reason(reasons, rs.getString(i + 1), locale);
					};
					row.add(value);
				}
				return hideSmallCounts(columns, row, smallCount);
			})
			.list();
		Refreshed refreshed = refreshed(indicator);
		return new Table(indicator.code(), title(indicator, locale), definition(indicator, locale),
				indicator.monthly() ? filter.from().toString() : null, indicator.monthly() ? filter.to().toString() : null,
				indicator.byPayerBody() ? filter.payerBody() : null, refreshed.asOf(), refreshed.refreshedAt(), smallCount,
				columns.stream().map(c -> new Heading(c.key(), heading(c.key(), locale), c.kind())).toList(), rows,
				indicator.chart());
	}

	/** The French labels of the adjudication's reason codes, as the claims module publishes them. */
	private Map<String, String> claimReasons() {
		Map<String, String> labels = new HashMap<>();
		claims.reasonCodes().forEach(r -> labels.put(r.code(), r.label()));
		return labels;
	}

	/**
	 * A reason code in the viewer's language, its code beside it: the bundle's {@code reporting.code.claimReason.<code>}
	 * (the Arabic rendering), else the catalogue's French label; a text that is no code of the catalogue as it is.
	 */
	private String reason(Map<String, String> reasons, String code, Locale locale) {
		String french = code == null ? null : reasons.get(code);
		if (french == null) {
			return code;
		}
		return messages.getMessage("reporting.code.claimReason." + code, null, french, locale) + " (" + code + ")";
	}

	/** A row with its small counts hidden, and every figure computed over a hidden count. */
	private static List<Object> hideSmallCounts(List<Indicator.Column> columns, List<Object> row, int smallCount) {
		List<Object> shown = new ArrayList<>(row);
		for (int i = 0; i < columns.size(); i++) {
			Indicator.Column column = columns.get(i);
			if (column.kind() == Indicator.Kind.COUNT && small(row.get(i), smallCount)) {
				shown.set(i, null);
			}
			if (column.basis() != null) {
				int basis = indexOf(columns, column.basis());
				if (small(row.get(basis), smallCount)) {
					shown.set(i, null);
				}
			}
		}
		return shown;
	}

	private static boolean small(Object count, int smallCount) {
		return count instanceof Long n && n > 0 && n < smallCount;
	}

	private static int indexOf(List<Indicator.Column> columns, String key) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).key().equals(key)) {
				return i;
			}
		}
		throw new IllegalStateException("no column " + key);
	}

	/**
	 * The table as an open-data CSV file: UTF-8 with a byte-order mark (so that spreadsheets read the accents), a
	 * semicolon between cells as French spreadsheets expect, a heading row, decimals with a point, and empty cells
	 * where a figure is hidden.
	 */
	public String csv(Table table) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(";", table.columns().stream().map(h -> quoted(h.label())).toList())).append("\r\n");
		for (List<Object> row : table.rows()) {
			List<String> cells = new ArrayList<>(row.size());
			for (Object cell : row) {
				cells.add(cell == null ? "" : cell instanceof BigDecimal d ? d.toPlainString() : quoted(cell.toString()));
			}
			csv.append(String.join(";", cells)).append("\r\n");
		}
		return csv.toString();
	}

	/** A cell quoted when it holds a separator, a quote or a line break; a leading formula sign is neutralised. */
	private static String quoted(String text) {
		String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
		return safe.matches("[^;\"\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private record Refreshed(String asOf, OffsetDateTime refreshedAt) {
	}

	private Refreshed refreshed(Indicator indicator) {
		return jdbc.sql("select to_char(as_of, 'YYYY-MM-DD') as as_of, refreshed_at from reporting_refresh where indicator = :indicator")
			.param("indicator", indicator.figures())
			.query((rs, n) -> new Refreshed(rs.getString("as_of"), rs.getObject("refreshed_at", OffsetDateTime.class)))
			.optional()
			.orElse(new Refreshed(null, null));
	}

	/** The title of an indicator in the reader's language. */
	public String title(Indicator indicator, Locale locale) {
		return messages.getMessage("reporting." + indicator.code() + ".title", null, indicator.code(), locale);
	}

	/** Its definition: what is counted, from which records, and how small counts are hidden. */
	public String definition(Indicator indicator, Locale locale) {
		return messages.getMessage("reporting." + indicator.code() + ".definition", new Object[] { smallCount() },
				indicator.code(), locale);
	}

	private String heading(String key, Locale locale) {
		return messages.getMessage("reporting.column." + key, null, key, locale);
	}

	/** A code (regime, reason, category, payee) in words; the code itself when the bundle has none. */
	private String label(String column, String code, Locale locale) {
		return code == null ? null : messages.getMessage("reporting.code." + column + "." + code, null, code, locale);
	}
}
