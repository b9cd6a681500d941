package ma.amo.contributions;

import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.Luhn;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of employers: affiliation with a new number, look-up, and search by name. */
@Service
public class Employers {

	private static final String COLUMNS = "affiliation_number, name, ice, region, commune, affiliated_on";

	private final JdbcClient jdbc;

	Employers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Employer affiliate(String name, String ice, String region, String commune, LocalDate affiliatedOn) {
		require("name", name);
		require("region", region);
		require("commune", commune);
		if (ice == null || !ice.strip().matches("\\d{15}")) {
			throw new InvalidInput("ice", "ice", "must have 15 digits");
		}
		if (affiliatedOn == null) {
			throw new InvalidInput("affiliatedOn", "required", "is required");
		}
		if (jdbc.sql("select exists (select 1 from employer where ice = ?)").param(ice.strip()).query(Boolean.class).single()) {
			throw new RuleBroken("ice", "unique", "an employer with ICE " + ice.strip() + " is already affiliated");
		}
		String number = withCheckDigit(jdbc.sql("select nextval('employer_affiliation')").query(Long.class).single());
		jdbc.sql("insert into employer (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
			.params(number, name.strip(), ice.strip(), region.strip(), commune.strip(), affiliatedOn).update();
		return employer(number);
	}

	public Employer employer(String affiliationNumber) {
		String problem = problem(affiliationNumber);
		if (problem != null) {
			throw new InvalidInput("affiliationNumber", "affiliation-number", problem);
		}
		return jdbc.sql("select " + COLUMNS + " from employer where affiliation_number = ?").param(affiliationNumber)
			.query(Employers::employer).optional()
			.orElseThrow(() -> new NotFound("affiliationNumber", "no employer with affiliation number " + affiliationNumber));
	}

	/** Employers whose name matches (accents, case and a typo forgiven), or all of them in name order. */
	@Transactional(readOnly = true)
	public PageOf<Employer> search(String name, int page, int size) {
		boolean byName = name != null && !name.isBlank();
		if (byName) {
			jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', '0.4', true)").query(String.class).single();
		}
		String where = byName ? " where folded(:name) <% folded(name)" : "";
		String order = byName ? " order by word_similarity(folded(:name), folded(name)) desc, name" : " order by name";
		var list = jdbc.sql("select " + COLUMNS + " from employer" + where + order + " limit :size offset :offset");
		var count = jdbc.sql("select count(*) from employer" + where);
		if (byName) {
			list = list.param("name", name.strip());
			count = count.param("name", name.strip());
		}
		List<Employer> found = list.param("size", size).param("offset", (long) page * size).query(Employers::employer).list();
		return PageOf.of(found, page, size, count.query(Long.class).single());
	}

	static String withCheckDigit(long number) {
		String digits = Long.toString(number);
		return digits + Luhn.checkDigit(digits);
	}

	/** Why {@code value} is not an affiliation number, or null when it is. */
	static String problem(String value) {
		if (value == null || !value.matches("\\d{8}")) {
			return "must have 8 digits";
		}
		return Luhn.checkDigit(value.substring(0, 7)) == value.charAt(7) - '0' ? null : "check digit does not match";
	}

	private static void require(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "required", "is required");
		}
	}

	private static Employer employer(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Employer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class));
	}
}
