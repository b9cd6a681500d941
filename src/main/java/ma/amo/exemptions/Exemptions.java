package ma.amo.exemptions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ma.amo.population.PopulationRegister;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.tariffs.CareLimits;
import ma.amo.tariffs.CareLimits.LongTermCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants, renews and revokes ALD exemptions. An exemption lasts the condition's number of years from its first day
 * (5 in the arrêté: from 1 March 2020, the last day is 28 February 2025) or for life for the conditions so marked; a
 * renewal is a new exemption from the day after the last one ends, and two exemptions of a person for the same
 * condition never overlap. Source: amo-rules.md, "Long-term conditions".
 */
@Service
public class Exemptions {

	private static final String SELECT = """
			select x.number, x.idcs, x.condition_code, c.label, x.valid_from, x.valid_until, x.granted_by, x.revoked_from,
			  x.revocation
			from ald_exemption x join long_term_condition c on c.code = x.condition_code""";

	private final JdbcClient jdbc;
	private final CareLimits limits;
	private final PopulationRegister register;

	Exemptions(JdbcClient jdbc, CareLimits limits, PopulationRegister register) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.register = register;
	}

	/** Grants an exemption for the condition from {@code validFrom}, after the medical reviewer's decision. */
	@Transactional
	public Exemption grant(String idcs, Integer conditionCode, LocalDate validFrom, String grantedBy) {
		register.checkIdcs("idcs", idcs);
		if (conditionCode == null) {
			throw new InvalidInput("conditionCode", "required", "is required");
		}
		if (validFrom == null) {
			throw new InvalidInput("validFrom", "required", "is required");
		}
		if (grantedBy == null || grantedBy.isBlank()) {
			throw new InvalidInput("grantedBy", "required", "is required");
		}
		if (register.person(idcs).isEmpty()) {
			throw new NotFound("idcs", "no person with IDCS " + idcs + " in the population register");
		}
		LongTermCondition condition = limits.condition(conditionCode).orElseThrow(() -> new InvalidInput("conditionCode",
				"known-condition", "no long-term condition " + conditionCode + " in the list"));
		LocalDate until = condition.lifelongExemption() ? null
				: validFrom.plusYears(condition.exemptionYears()).minusDays(1);
		boolean overlaps = jdbc.sql("""
				select exists (select 1 from ald_exemption where idcs = ? and condition_code = ?
				  and coalesce(revoked_from, 'infinity'::date) > valid_from
				  and valid_from <= coalesce(?::date, 'infinity'::date)
				  and coalesce(least(valid_until, revoked_from - 1), 'infinity'::date) >= ?)""")
			.params(idcs, conditionCode, until, validFrom).query(Boolean.class).single();
		if (overlaps) {
			throw new RuleBroken("validFrom", "no-overlap", "the person already has an exemption for condition "
					+ conditionCode + " over these dates: a renewal starts the day after it ends");
		}
		long sequence = jdbc.sql("select nextval('ald_exemption_number')").query(Long.class).single();
		String number = "ETM-" + validFrom.getYear() + "-" + String.format("%06d", sequence);
		jdbc.sql("""
				insert into ald_exemption (number, idcs, condition_code, valid_from, valid_until, granted_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(number, idcs, conditionCode, validFrom, until, grantedBy.strip()).update();
		return exemption(number);
	}

	/** Ends an exemption from a day (a medical review found it no longer justified). */
	@Transactional
	public Exemption revoke(String number, LocalDate from, String reason) {
		Exemption exemption = exemption(number);
		if (from == null) {
			throw new InvalidInput("from", "required", "is required");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("reason", "required", "a revocation says why");
		}
		if (exemption.revokedFrom() != null) {
			throw new RuleBroken("number", "revoke-once", "exemption " + number + " was revoked from " + exemption.revokedFrom());
		}
		if (from.isBefore(exemption.validFrom())) {
			throw new InvalidInput("from", "after-start", "an exemption is revoked from a day of its validity");
		}
		jdbc.sql("update ald_exemption set revoked_from = ?, revocation = ? where number = ?")
			.params(from, reason.strip(), number).update();
		return exemption(number);
	}

	public Exemption exemption(String number) {
		return find(number).orElseThrow(() -> new NotFound("number", "no ALD exemption " + number));
	}

	public Optional<Exemption> find(String number) {
		return jdbc.sql(SELECT + " where x.number = ?").param(number).query(Exemptions::exemption).optional();
	}

	public List<Exemption> of(String idcs) {
		register.checkIdcs("idcs", idcs);
		return jdbc.sql(SELECT + " where x.idcs = ? order by x.condition_code, x.valid_from").param(idcs)
			.query(Exemptions::exemption).list();
	}

	private static Exemption exemption(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Exemption(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
				rs.getObject(8, LocalDate.class), rs.getString(9));
	}
}
