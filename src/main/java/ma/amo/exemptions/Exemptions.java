package ma.amo.exemptions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ma.amo.population.PopulationRegister;
import ma.amo.shared.FieldCipher;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import ma.amo.tariffs.CareLimits;
import ma.amo.tariffs.CareLimits.LongTermCondition;
import org.springframework.jdbc.core.RowMapper;
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
			select number, idcs, condition, valid_from, valid_until, granted_by, revoked_from, revocation
			from ald_exemption""";

	private final JdbcClient jdbc;
	private final CareLimits limits;
	private final PopulationRegister register;
	private final FieldCipher cipher;

	Exemptions(JdbcClient jdbc, CareLimits limits, PopulationRegister register, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.register = register;
		this.cipher = cipher;
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
		// The list as it stands on the first day: a condition not yet added, or retired by then, is not granted.
		LongTermCondition condition = limits.condition(conditionCode, validFrom).orElseThrow(() -> new InvalidInput(
				"conditionCode", "known-condition", "no long-term condition " + conditionCode + " in the list on " + validFrom));
		LocalDate until = condition.lifelongExemption() ? null
				: validFrom.plusYears(condition.exemptionYears()).minusDays(1);
		// The conditions are encrypted: the person's few exemptions are compared here rather than in SQL.
		LocalDate end = until == null ? LocalDate.MAX : until;
		boolean overlaps = of(idcs).stream().filter(x -> x.conditionCode() == conditionCode).anyMatch(x -> {
			LocalDate last = x.validUntil() == null ? LocalDate.MAX : x.validUntil();
			if (x.revokedFrom() != null && x.revokedFrom().minusDays(1).isBefore(last)) {
				last = x.revokedFrom().minusDays(1);
			}
			return !x.validFrom().isAfter(end) && !last.isBefore(validFrom);
		});
		if (overlaps) {
			throw new RuleBroken("validFrom", "no-overlap", "the person already has an exemption for condition "
					+ conditionCode + " over these dates: a renewal starts the day after it ends");
		}
		long sequence = jdbc.sql("select nextval('ald_exemption_number')").query(Long.class).single();
		String number = "ETM-" + validFrom.getYear() + "-" + String.format("%06d", sequence);
		jdbc.sql("""
				insert into ald_exemption (number, idcs, condition, valid_from, valid_until, granted_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(number, idcs, cipher.encrypt(conditionCode.toString()), validFrom, until, grantedBy.strip()).update();
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
		return jdbc.sql(SELECT + " where number = ?").param(number).query((RowMapper<Exemption>) this::exemption).optional();
	}

	public List<Exemption> of(String idcs) {
		register.checkIdcs("idcs", idcs);
		return jdbc.sql(SELECT + " where idcs = ? order by valid_from, number").param(idcs).query((RowMapper<Exemption>) this::exemption).list();
	}

	private Exemption exemption(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		int condition = Integer.parseInt(cipher.decrypt(rs.getString(3)));
		return new Exemption(rs.getString(1), rs.getString(2), condition,
				limits.condition(condition).map(LongTermCondition::label).orElse(null), rs.getObject(4, LocalDate.class),
				rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8));
	}
}
