package ma.amo.tariffs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.SearchFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The medicines guide open to everyone: the published referential version in force today (or on a date), searched by name, active
 * substance (DCI), form and therapeutic class (any part of the word, accents and case aside), each medicine with its
 * reimbursement rate, its base for each payer body (the rule of its generic group) and the size of its group.
 */
@Service
public class MedicinesGuide {

	private final JdbcClient jdbc;
	private final MedicineReferentials referentials;
	private final Clock clock;

	MedicinesGuide(JdbcClient jdbc, MedicineReferentials referentials, Clock clock) {
		this.jdbc = jdbc;
		this.referentials = referentials;
		this.clock = clock;
	}

	/** A medicine of the guide, with its bases and its generic group (same DCI, dosage, form and presentation). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "MedicinesGuideEntry")
	public record Entry(Medicine medicine, Money baseCnss, Money baseCnops, GenericGroup genericGroup) {
	}

	/** The medicines sold under the same DCI, dosage, form and presentation: their prices compare. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "MedicinesGuideGenericGroup")
	public record GenericGroup(String dci, String dosage, String form, String presentation, int brands, int generics) {
	}

	/**
	 * A page of the guide as in force on {@code date} (today when null); at least one filter, so that nobody pages
	 * through the whole referential by accident.
	 */
	@Transactional(readOnly = true)
	public PageOf<Entry> search(String name, String dci, String form, String therapeuticClass, LocalDate date, int page,
			int size) {
		if (blank(name) && blank(dci) && blank(form) && blank(therapeuticClass)) {
			throw new InvalidInput("name", "one-filter", "give a name, a DCI, a form or a therapeutic class");
		}
		// A custom plan for each search: a generic one would not fold the searched text once and misses the trigram
		// indexes (see the directory search in BENCHMARKS.md).
		SearchFilters.tolerateTypos(jdbc);
		LocalDate today = date == null ? LocalDate.now(clock) : date;
		long version = referentials.versionOn(today)
			.orElseThrow(() -> new NotFound("date", "no medicines referential in force on " + today));
		SearchFilters filters = new SearchFilters().add("m.referential_id = :version", "version", version)
			.add("folded(m.name) like '%' || folded(:name) || '%'", "name", like(name))
			.add("folded(m.dci) like '%' || folded(:dci) || '%'", "dci", like(dci))
			.add("folded(m.form) like '%' || folded(:form) || '%'", "form", like(form))
			.add("folded(m.therapeutic_class) like '%' || folded(:class) || '%'", "class", like(therapeuticClass));
		String select = "select m." + MedicineReferentials.MEDICINE_COLUMNS.replace(", ", ", m.") + """
				, (select count(*) filter (where g.brand_or_generic = 'P') from medicine g where g.referential_id = m.referential_id
				     and g.dci = m.dci and g.dosage = m.dosage and g.form = m.form and g.presentation = m.presentation) as brands
				, (select count(*) filter (where g.brand_or_generic = 'G') from medicine g where g.referential_id = m.referential_id
				     and g.dci = m.dci and g.dosage = m.dosage and g.form = m.form and g.presentation = m.presentation) as generics
				 from medicine m""";
		PageOf<Entry> found = filters.page(jdbc, select, "m.name, m.code", page, size, (rs, n) -> {
			Medicine m = MedicineReferentials.medicineRow(rs, n);
			return new Entry(m, null, null, new GenericGroup(m.dci(), m.dosage(), m.form(), m.presentation(),
					rs.getInt("brands"), rs.getInt("generics")));
		});
		List<Entry> priced = found.content().stream().map(e -> new Entry(e.medicine(),
				referentials.base(e.medicine().code(), "CNSS", today).base(),
				referentials.base(e.medicine().code(), "CNOPS", today).base(), e.genericGroup())).toList();
		return PageOf.of(priced, found.page(), found.size(), found.totalElements());
	}

	/** The medicine in a version of the referential, whatever its status. */
	public Optional<Medicine> inVersion(long versionId, String code) {
		return jdbc.sql("select " + MedicineReferentials.MEDICINE_COLUMNS + " from medicine where referential_id = ? and code = ?")
			.params(versionId, code).query(MedicineReferentials::medicineRow).optional();
	}

	/** The medicine in the published version in force on {@code date}. */
	public Optional<Medicine> inForce(String code, LocalDate date) {
		return referentials.versionOn(date).flatMap(version -> inVersion(version, code));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** The text searched, its LIKE wildcards taken literally. */
	private static String like(String text) {
		if (blank(text)) {
			return null;
		}
		if (text.strip().length() > 100) {
			throw new InvalidInput("name", "max-length", "a searched text has 100 characters at most");
		}
		return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
