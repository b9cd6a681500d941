package ma.amo.tariffs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The long-term conditions (ALD) an exemption may cover, and the ceilings and frequencies of flat-rate care (dental
 * prostheses, orthodontics, optics), each read at the date of care.
 */
@Service
public class CareLimits {

	private final JdbcClient jdbc;

	CareLimits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An ALD: an exemption lasts {@code exemptionYears}, renewable, or for life (diabetes, hypertension). */
	public record LongTermCondition(int code, String label, boolean lifelongExemption, int exemptionYears,
			String source) {
	}

	/** A ceiling: an amount per period of months, and/or an age limit. */
	public record Ceiling(String item, String label, BigDecimal amount, Integer periodMonths, Integer maxAge,
			LocalDate effectiveFrom, String source) {
	}

	public List<LongTermCondition> conditions() {
		return jdbc.sql("select code, label, lifelong_exemption, exemption_years, source from long_term_condition order by code")
			.query(CareLimits::condition).list();
	}

	public Optional<LongTermCondition> condition(int code) {
		return jdbc.sql("select code, label, lifelong_exemption, exemption_years, source from long_term_condition where code = ?")
			.param(code).query(CareLimits::condition).optional();
	}

	/** Adds or corrects a condition of the list (the items the public source does not show are added this way). */
	@Transactional
	public LongTermCondition define(int code, String label, boolean lifelong, int exemptionYears, String source) {
		if (code < 1 || code > 99) {
			throw new InvalidInput("code", "range", "must be between 1 and 99");
		}
		if (label == null || label.isBlank()) {
			throw new InvalidInput("label", "required", "is required");
		}
		if (exemptionYears < 1) {
			throw new InvalidInput("exemptionYears", "positive", "must be 1 or more");
		}
		jdbc.sql("""
				insert into long_term_condition (code, label, lifelong_exemption, exemption_years, source) values (?, ?, ?, ?, ?)
				on conflict (code) do update set label = excluded.label, lifelong_exemption = excluded.lifelong_exemption,
				  exemption_years = excluded.exemption_years, source = excluded.source""")
			.params(code, label.strip(), lifelong, exemptionYears, source).update();
		return condition(code).orElseThrow();
	}

	/** The ceilings in force on {@code date}: for each item, the latest one dated on or before it. */
	public List<Ceiling> ceilings(LocalDate date) {
		return jdbc.sql("""
				select distinct on (item) item, label, amount, period_months, max_age, effective_from, source
				from ceiling where effective_from <= ? order by item, effective_from desc""")
			.param(date)
			.query((rs, n) -> new Ceiling(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
					(Integer) rs.getObject(4), (Integer) rs.getObject(5), rs.getObject(6, LocalDate.class), rs.getString(7)))
			.list();
	}

	/**
	 * The condition as the list stands on {@code date}: listed on or before it, not retired by then, with the terms of
	 * its latest change applied from that date or before ({@link LongTermConditionChanges}); empty when it is not on the
	 * list that day.
	 */
	public Optional<LongTermCondition> condition(int code, LocalDate date) {
		return jdbc.sql("""
				select c.code, coalesce(x.label, c.label), coalesce(x.lifelong_exemption, c.lifelong_exemption),
				       coalesce(x.exemption_years, c.exemption_years), coalesce(x.source, c.source), x.action
				from long_term_condition c
				left join lateral (select action, label, lifelong_exemption, exemption_years, source
				                   from long_term_condition_change
				                   where code = c.code and status = 'APPLIED' and effective_from <= ?
				                   order by effective_from desc, id desc limit 1) x on true
				where c.code = ? and (c.listed_from is null or c.listed_from <= ?)""")
			.params(date, code, date)
			.query((rs, n) -> "RETIRE".equals(rs.getString(6)) ? null : condition(rs, n))
			.stream().filter(java.util.Objects::nonNull).findFirst();
	}

	private static LongTermCondition condition(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new LongTermCondition(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getString(5));
	}
}
