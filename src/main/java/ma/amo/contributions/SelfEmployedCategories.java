package ma.amo.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Regime;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-employed categories with their reference income as a multiple of the SMIG, effective-dated, and the category
 * each self-employed member contributes in (one contribution whatever the number of their activities).
 */
@Service
public class SelfEmployedCategories {

	private static final String COLUMNS = "code, effective_from, label, smig_multiple, minimum, source";

	private final JdbcClient jdbc;
	private final MemberEnrolment enrolment;

	SelfEmployedCategories(JdbcClient jdbc, MemberEnrolment enrolment) {
		this.jdbc = jdbc;
		this.enrolment = enrolment;
	}

	public record Activity(String registrationNumber, String category, boolean pensioner, LocalDate since) {
	}

	/** The category as in force on the date. */
	public SelfEmployedCategory at(String code, LocalDate date) {
		return jdbc.sql("select " + COLUMNS + " from self_employed_category where code = ? and effective_from <= ? order by effective_from desc limit 1")
			.params(code, date).query(SelfEmployedCategories::category).optional()
			.orElseThrow(() -> new NotFound("category", "no self-employed category " + code + " in force on " + date));
	}

	/** Every version of every category. */
	public List<SelfEmployedCategory> all() {
		return jdbc.sql("select " + COLUMNS + " from self_employed_category order by code, effective_from")
			.query(SelfEmployedCategories::category).list();
	}

	/** Adds a category, or a new version of one from a date. */
	@Transactional
	public SelfEmployedCategory define(SelfEmployedCategory category) {
		if (category.code() == null || !category.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
			throw new InvalidInput("code", "code", "must be 2 to 40 capital letters, digits or underscores");
		}
		require("effectiveFrom", category.effectiveFrom());
		require("label", category.label());
		require("source", category.source());
		if (category.smigMultiple() == null || category.smigMultiple().signum() <= 0) {
			throw new InvalidInput("smigMultiple", "positive", "must be a positive multiple of the SMIG");
		}
		if (category.minimum() != null && category.minimum().signum() < 0) {
			throw new InvalidInput("minimum", "positive", "must not be negative");
		}
		int added = jdbc.sql("insert into self_employed_category (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?) on conflict do nothing")
			.params(category.code(), category.effectiveFrom(), category.label().strip(), category.smigMultiple(),
					category.minimum(), category.source().strip())
			.update();
		if (added == 0) {
			throw new RuleBroken("effectiveFrom", "one-version-a-day", "category " + category.code()
					+ " already has a version from " + category.effectiveFrom());
		}
		return at(category.code(), category.effectiveFrom());
	}

	/** Sets the category a self-employed member contributes in, from a date. */
	@Transactional
	public Activity classify(String registrationNumber, String category, Boolean pensioner, LocalDate since) {
		require("since", since);
		Member member = enrolment.member(registrationNumber);
		at(category, since);
		boolean selfEmployed = enrolment.enrolmentsOf(member).stream()
			.anyMatch(e -> e.regime() == Regime.SELF_EMPLOYED && (e.endDate() == null || !e.endDate().isBefore(since)));
		if (!selfEmployed) {
			throw new RuleBroken("registrationNumber", "self-employed-enrolment", "member " + registrationNumber
					+ " has no self-employed period on or after " + since);
		}
		boolean retired = Boolean.TRUE.equals(pensioner);
		jdbc.sql("""
				insert into self_employed_activity (member_id, category, pensioner, since) values (?, ?, ?, ?)
				on conflict (member_id) do update set category = excluded.category, pensioner = excluded.pensioner, since = excluded.since""")
			.params(member.id(), category, retired, since).update();
		return new Activity(registrationNumber, category, retired, since);
	}

	private static void require(String field, Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			throw new InvalidInput(field, "required", "is required");
		}
	}

	private static SelfEmployedCategory category(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		BigDecimal minimum = rs.getBigDecimal(5);
		return new SelfEmployedCategory(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
				rs.getBigDecimal(4).stripTrailingZeros(), minimum == null ? null : minimum.stripTrailingZeros(),
				rs.getString(6));
	}
}
