package ma.amo.tariffs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Versions of the national reference tariff. A new version starts as a copy of another (its acts and key letters)
 * with the key-letter values that change, proposed by one agent and published by another (maker-checker).
 */
@Service
public class TariffVersions {

	private final JdbcClient jdbc;
	private final VersionDecisions decisions;
	private final ReferenceTariff tariff;

	TariffVersions(JdbcClient jdbc, VersionDecisions decisions, ReferenceTariff tariff) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.tariff = tariff;
	}

	public record Version(long id, String name, LocalDate effectiveFrom, String status, String note, String proposedBy,
			Instant proposedAt, String decidedBy, Instant decidedAt) {
	}

	/** A key-letter value set by a new version; payer body and sector null for "all". */
	public record KeyLetterChange(@Size(max = 10) String letter, @Size(max = 10) String payerBody,
			@Size(max = 10) String sector, @Digits(integer = 6, fraction = 2) BigDecimal value) {
	}

	/** The value of a key letter for a payer body and sector on a date, from the version in force. */
	public record KeyLetterOnDate(String letter, String payerBody, String sector, LocalDate date, long versionId,
			String versionName, BigDecimal value) {
	}

	@Transactional
	public Version propose(String name, LocalDate effectiveFrom, long basedOn, List<KeyLetterChange> changes,
			String proposedBy) {
		if (name == null || name.isBlank()) {
			throw new InvalidInput("name", "required", "is required");
		}
		if (effectiveFrom == null) {
			throw new InvalidInput("effectiveFrom", "required", "is required");
		}
		if (proposedBy == null || proposedBy.isBlank()) {
			throw new InvalidInput("proposedBy", "required", "is required");
		}
		version(basedOn);
		List<KeyLetterChange> values = changes == null ? List.of() : changes;
		for (int i = 0; i < values.size(); i++) {
			KeyLetterChange change = values.get(i);
			if (change.letter() == null || change.letter().isBlank()) {
				throw new InvalidInput("keyLetters[" + i + "].letter", "required", "is required");
			}
			if (change.value() != null && change.value().signum() < 0) {
				throw new InvalidInput("keyLetters[" + i + "].value", "positive", "must not be negative");
			}
		}
		long id = jdbc.sql("""
				insert into tariff_version (name, effective_from, status, note, proposed_by)
				values (?, ?, 'PROPOSED', ?, ?) returning id""")
			.params(name.strip(), effectiveFrom, "based on version " + basedOn, proposedBy.strip())
			.query(Long.class).single();
		jdbc.sql("""
				insert into key_letter_value (version_id, letter, label, payer_body, sector, value)
				select ?, letter, label, payer_body, sector, value from key_letter_value where version_id = ?""")
			.params(id, basedOn).update();
		jdbc.sql("""
				insert into act (version_id, code, label, key_letter, coefficient, care_category, prior_approval, excluded,
				  priced_by, amount)
				select ?, code, label, key_letter, coefficient, care_category, prior_approval, excluded, priced_by, amount
				from act where version_id = ?""")
			.params(id, basedOn).update();
		for (KeyLetterChange change : values) {
			jdbc.sql("""
					insert into key_letter_value (version_id, letter, label, payer_body, sector, value)
					values (?, ?, coalesce((select label from key_letter_value where version_id = ? and letter = ? limit 1), ?), ?, ?, ?)
					on conflict (version_id, letter, payer_body, sector) do update set value = excluded.value""")
				.params(id, change.letter(), id, change.letter(), change.letter(), change.payerBody(), change.sector(),
						change.value())
				.update();
		}
		return version(id);
	}

	@Transactional
	public Version decide(long id, String agent, boolean publish) {
		decisions.decide(VersionDecisions.Table.TARIFF, id, agent, publish);
		// Forgotten after commit too: a quote between the two would otherwise keep the old version in force.
		tariff.versionsChanged();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				tariff.versionsChanged();
			}
		});
		return version(id);
	}

	public List<Version> versions() {
		return jdbc.sql("select id, name, effective_from, status, note, proposed_by, proposed_at, decided_by, decided_at from tariff_version order by effective_from desc, id desc")
			.query(TariffVersions::version).list();
	}

	public Version version(long id) {
		return jdbc.sql("select id, name, effective_from, status, note, proposed_by, proposed_at, decided_by, decided_at from tariff_version where id = ?")
			.param(id).query(TariffVersions::version).optional()
			.orElseThrow(() -> new NotFound("id", "no tariff version " + id));
	}

	/** One query: the most specific value of the letter in the published version in force on the date. */
	public KeyLetterOnDate keyLetterOn(String letter, String payerBody, String sector, LocalDate date) {
		return jdbc.sql("""
				select k.version_id, v.name, k.value from key_letter_value k join tariff_version v on v.id = k.version_id
				where k.letter = ? and (k.payer_body is null or k.payer_body = ?) and (k.sector is null or k.sector = ?)
				  and v.id = (select id from tariff_version where status = 'PUBLISHED' and effective_from <= ?
				    order by effective_from desc limit 1)
				order by (k.payer_body is not null) desc, (k.sector is not null) desc limit 1""")
			.params(letter, payerBody, sector, date)
			.query((rs, n) -> new KeyLetterOnDate(letter, payerBody, sector, date, rs.getLong(1), rs.getString(2),
					rs.getBigDecimal(3)))
			.optional()
			.orElseThrow(() -> new NotFound("letter", "no key letter " + letter + " in the tariff in force on " + date));
	}

	/**
	 * An act of a version's nomenclature: its code, label, key letter and coefficient, care category and conditions;
	 * a stay priced by its daily rate or an item by its flat amount has the amount instead of a key letter.
	 */
	public record ActOfVersion(String code, String label, String keyLetter, BigDecimal coefficient, String careCategory,
			boolean priorApproval, boolean excluded, String pricedBy, BigDecimal amount) {
	}

	/**
	 * The acts of a version, by code: {@code text} matches the code or the label (without accents or case), {@code
	 * keyLetter} the letter exactly; all optional.
	 */
	public ma.amo.shared.PageOf<ActOfVersion> acts(long versionId, String text, String keyLetter, int page, int size) {
		ma.amo.shared.PageOf.check(page, size, 200);
		version(versionId);
		String pattern = text == null || text.isBlank() ? null : "%" + text.strip() + "%";
		return new ma.amo.shared.SearchFilters().add("version_id = :version", "version", (Object) versionId)
			.add("(folded(code) like folded(:text) or folded(label) like folded(:text))", "text", pattern)
			.add("key_letter = :letter", "letter", keyLetter == null || keyLetter.isBlank() ? null : keyLetter.strip())
			.page(jdbc, """
					select code, label, key_letter, coefficient, care_category, prior_approval, excluded, priced_by, amount
					from act""", "code", page, size, (rs, n) -> new ActOfVersion(rs.getString(1), rs.getString(2),
							rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7),
							rs.getString(8), rs.getBigDecimal(9)));
	}

	private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp decided = rs.getTimestamp(9);
		return new Version(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
				decided == null ? null : decided.toInstant());
	}
}
