package ma.amo.population.imports;

import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.CopyText;

import ma.amo.population.Cin;
import ma.amo.population.IdcsCheckDigit;

/**
 * The population register extract: one row per person. Dates are ISO (yyyy-MM-dd), sex is M or F, the CIN and the
 * names in Arabic script are optional (children have no CIN), a death date is given for deceased persons.
 */
final class RnpExtract implements Extract {

	private static final List<Column> COLUMNS = List.of(new Column("idcs", true), new Column("cin", true),
			new Column("last_name", true), new Column("first_name", true), new Column("last_name_ar", false),
			new Column("first_name_ar", false), new Column("birth_date", true), new Column("sex", true),
			new Column("commune", true), new Column("province", true), new Column("region", true),
			new Column("death_date", false));

	private final IdcsCheckDigit checkDigit;
	private final LocalDate today;

	RnpExtract(IdcsCheckDigit checkDigit, LocalDate today) {
		this.checkDigit = checkDigit;
		this.today = today;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public String createStaging() {
		return """
				create temporary table rnp_staging (line bigint, idcs text, cin text, last_name text, first_name text,
				  last_name_ar text, first_name_ar text, birth_date date, sex char(1), commune text, province text,
				  region text, death_date date) on commit drop""";
	}

	@Override
	public String registerTable() {
		return "person";
	}

	@Override
	public String stagingTable() {
		return "rnp_staging";
	}

	@Override
	public Rejected stage(Row values, CopyText row) {
		String idcs = values.get(0);
		String problem = checkDigit.problem(idcs);
		if (problem != null) {
			return new Rejected("idcs", problem);
		}
		String cin = Cin.normalise(values.get(1));
		if (cin != null && (problem = Cin.problem(cin)) != null) {
			return new Rejected("cin", problem);
		}
		for (int column : new int[] { 2, 3, 8, 9, 10 }) {
			if ((problem = Fields.text(values.get(column), 100)) != null) {
				return new Rejected(COLUMNS.get(column).name(), problem);
			}
		}
		for (int column : new int[] { 4, 5 }) {
			String value = values.get(column);
			if (value != null && value.length() > 100) {
				return new Rejected(COLUMNS.get(column).name(), "is longer than 100 characters");
			}
		}
		String birth = values.get(6);
		if (birth == null) {
			return new Rejected("birth_date", "is required");
		}
		LocalDate birthDate = Fields.date(birth);
		if (birthDate == null) {
			return new Rejected("birth_date", "'" + birth + "' is not a date (yyyy-MM-dd)");
		}
		if (birthDate.isAfter(today) || birthDate.isBefore(Fields.EARLIEST)) {
			return new Rejected("birth_date", "must be between " + Fields.EARLIEST + " and today");
		}
		String sex = values.get(7);
		if (!"M".equals(sex) && !"F".equals(sex)) {
			return new Rejected("sex", "must be M or F");
		}
		String death = values.get(11);
		LocalDate deathDate = null;
		if (death != null) {
			deathDate = Fields.date(death);
			if (deathDate == null) {
				return new Rejected("death_date", "'" + death + "' is not a date (yyyy-MM-dd)");
			}
			if (deathDate.isBefore(birthDate) || deathDate.isAfter(today)) {
				return new Rejected("death_date", "must be between the birth date and today");
			}
		}
		row.add(idcs).add(cin);
		for (int column = 2; column <= 5; column++) {
			row.add(values.get(column));
		}
		row.add(birth).add(sex).add(values.get(8)).add(values.get(9)).add(values.get(10)).add(death);
		return null;
	}

	@Override
	public List<String> wholeFileChecks() {
		return List.of("""
				select s.line, 'idcs', 'duplicate IDCS ' || s.idcs || ' (first on line ' || d.first_line || ')'
				from rnp_staging s join (select idcs, min(line) first_line from rnp_staging group by idcs having count(*) > 1) d
				  on d.idcs = s.idcs where s.line > d.first_line""", """
				select s.line, 'cin', 'duplicate CIN ' || s.cin || ' (first on line ' || d.first_line || ')'
				from rnp_staging s join (select cin, min(line) first_line from rnp_staging where cin is not null
				  group by cin having count(*) > 1) d on d.cin = s.cin where s.line > d.first_line""", """
				select s.line, 'cin', 'CIN ' || s.cin || ' already belongs to the person with IDCS ' || p.idcs
				from rnp_staging s join person p on p.cin = s.cin and p.idcs <> s.idcs""");
	}

	@Override
	public String merge() {
		return """
				with merged as (
				  insert into person as p (idcs, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date, sex,
				    commune, province, region, death_date, import_job_id)
				  select idcs, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date, sex, commune, province,
				    region, death_date, :job from rnp_staging
				  on conflict (idcs) do update set cin = excluded.cin, last_name = excluded.last_name,
				    first_name = excluded.first_name, last_name_ar = excluded.last_name_ar,
				    first_name_ar = excluded.first_name_ar, birth_date = excluded.birth_date, sex = excluded.sex,
				    commune = excluded.commune, province = excluded.province, region = excluded.region,
				    death_date = excluded.death_date, import_job_id = excluded.import_job_id, changed_at = now()
				  where (p.cin, p.last_name, p.first_name, p.last_name_ar, p.first_name_ar, p.birth_date, p.sex, p.commune,
				    p.province, p.region, p.death_date) is distinct from (excluded.cin, excluded.last_name,
				    excluded.first_name, excluded.last_name_ar, excluded.first_name_ar, excluded.birth_date, excluded.sex,
				    excluded.commune, excluded.province, excluded.region, excluded.death_date)
				  returning xmax = 0 as inserted)
				select count(*) filter (where inserted), count(*) filter (where not inserted) from merged""";
	}
}
