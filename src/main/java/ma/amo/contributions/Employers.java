package ma.amo.contributions;

import java.time.LocalDate;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.Luhn;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.SearchFilters;
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
		SearchFilters.tolerateTypos(jdbc);
		SearchFilters filters = new SearchFilters().add("folded(:name) <% folded(name)", "name", name);
		String order = filters.has("name") ? "word_similarity(folded(:name), folded(name)) desc, name" : "name";
		return filters.page(jdbc, "select " + COLUMNS + " from employer", order, page, size, Employers::employer);
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
