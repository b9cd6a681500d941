package ma.amo.tariffs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.Rate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The national reference tariff and coverage rates as of a date: each answer is one query over the published
 * version in force then ("the value of X for payer Y on date D").
 */
@Service
public class ReferenceTariff {

	private final JdbcClient jdbc;

	ReferenceTariff(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An act of the nomenclature in the version in force; a null coefficient is given on each claim line. */
	public record Act(long versionId, String versionName, String code, String label, String keyLetter,
			BigDecimal coefficient, String careCategory, boolean priorApproval, boolean excluded) {
	}

	/** A key letter's value in a version for a payer body and sector; empty value while unknown. */
	public record KeyLetterValue(long versionId, String letter, String label, Optional<Money> value) {
	}

	public Optional<Act> act(String code, LocalDate date) {
		return jdbc.sql("""
				select a.version_id, v.name, a.code, a.label, a.key_letter, a.coefficient, a.care_category,
				  a.prior_approval, a.excluded
				from act a join tariff_version v on v.id = a.version_id
				where a.code = ? and v.id = (select id from tariff_version where status = 'PUBLISHED'
				  and effective_from <= ? order by effective_from desc limit 1)""")
			.params(code, date)
			.query((rs, n) -> new Act(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9)))
			.optional();
	}

	/** The most specific value of the letter in a version: payer and sector first, then payer, then sector, then all. */
	public KeyLetterValue keyLetter(long versionId, String letter, String payerBody, String sector) {
		return jdbc.sql("""
				select version_id, letter, label, value from key_letter_value
				where version_id = ? and letter = ? and (payer_body is null or payer_body = ?) and (sector is null or sector = ?)
				order by (payer_body is not null) desc, (sector is not null) desc limit 1""")
			.params(versionId, letter, payerBody, sector)
			.query((rs, n) -> new KeyLetterValue(rs.getLong(1), rs.getString(2), rs.getString(3),
					Optional.ofNullable(rs.getBigDecimal(4)).map(Money::new)))
			.optional()
			.orElseThrow(() -> new NotFound("keyLetter", "key letter " + letter + " has no value in tariff version " + versionId));
	}

	/** The coverage rate in force on a date, the sector-specific rate before the general one. */
	public Rate coverage(String regime, String careCategory, String sector, boolean exempted, LocalDate date) {
		return jdbc.sql("""
				select rate_percent from coverage_rate
				where regime = ? and care_category = ? and (sector is null or sector = ?) and exempted = ?
				  and effective_from <= ?
				order by (sector is not null) desc, effective_from desc limit 1""")
			.params(regime, careCategory, sector, exempted, date)
			.query(Integer.class).optional().map(Rate::percent)
			.orElseThrow(() -> new NotFound("regime", "no coverage rate for " + regime + " / " + careCategory + " on " + date));
	}
}
