package ma.amo.population.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ma.amo.shared.CopyText;
import ma.amo.shared.InputBounds;

import ma.amo.population.IdcsCheckDigit;

/**
 * The unified social register extract: one row per household member with the household's socio-economic score and
 * the date of that score. A newer extract adds the new scores beside the old ones, so the history is kept; a row
 * for the same member and score date replaces the earlier value (a correction).
 */
final class RsuExtract implements Extract {

	private static final List<Column> COLUMNS = List.of(new Column("household_id", true), new Column("idcs", true),
			new Column("score", true), new Column("score_date", true));

	private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

	private final IdcsCheckDigit checkDigit;
	private final LocalDate today;

	RsuExtract(IdcsCheckDigit checkDigit, LocalDate today) {
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
				create temporary table rsu_staging (line bigint, household_id text, idcs text, score numeric(12, 7),
				  score_date date) on commit drop""";
	}

	@Override
	public String registerTable() {
		return "rsu_score";
	}

	@Override
	public String stagingTable() {
		return "rsu_staging";
	}

	@Override
	public Rejected stage(Row values, CopyText row) {
		String household = values.get(0);
		String problem = Fields.text(household, 40);
		if (problem != null) {
			return new Rejected("household_id", problem);
		}
		String idcs = values.get(1);
		if ((problem = checkDigit.problem(idcs)) != null) {
			return new Rejected("idcs", problem);
		}
		String score = values.get(2);
		if (score == null) {
			return new Rejected("score", "is required");
		}
		BigDecimal value;
		try {
			value = new BigDecimal(score);
		}
		catch (NumberFormatException e) {
			return new Rejected("score", "'" + score + "' is not a number");
		}
		if (value.signum() < 0 || value.compareTo(MAX_SCORE) > 0 || value.scale() > 7) {
			return new Rejected("score", "must be between 0 and 100 with at most 7 decimals");
		}
		String date = values.get(3);
		if (date == null) {
			return new Rejected("score_date", "is required");
		}
		LocalDate scoreDate = Fields.date(date);
		if (scoreDate == null) {
			return new Rejected("score_date", "'" + date + "' is not a date (yyyy-MM-dd)");
		}
		if (scoreDate.isAfter(today)) {
			return new Rejected("score_date", "must not be in the future");
		}
		if (scoreDate.isBefore(InputBounds.EARLIEST_DATE)) {
			return new Rejected("score_date", "must not be before " + InputBounds.EARLIEST_DATE);
		}
		row.add(household).add(idcs).add(score).add(date);
		return null;
	}

	@Override
	public List<String> wholeFileChecks() {
		return List.of("""
				select s.line, 'idcs', 'duplicate score of IDCS ' || s.idcs || ' on ' || s.score_date
				  || ' (first on line ' || d.first_line || ')'
				from rsu_staging s join (select idcs, score_date, min(line) first_line from rsu_staging
				  group by idcs, score_date having count(*) > 1) d
				  on d.idcs = s.idcs and d.score_date = s.score_date where s.line > d.first_line""", """
				select s.line, 'idcs', 'IDCS ' || s.idcs || ' is not in the population register'
				from rsu_staging s where not exists (select 1 from person p where p.idcs = s.idcs)""");
	}

	@Override
	public String merge() {
		return """
				with merged as (
				  insert into rsu_score as r (idcs, household_id, score, score_date, import_job_id)
				  select idcs, household_id, score, score_date, :job from rsu_staging
				  on conflict (idcs, score_date) do update set household_id = excluded.household_id,
				    score = excluded.score, import_job_id = excluded.import_job_id
				  where (r.household_id, r.score) is distinct from (excluded.household_id, excluded.score)
				  returning xmax = 0 as inserted)
				select count(*) filter (where inserted), count(*) filter (where not inserted) from merged""";
	}
}
