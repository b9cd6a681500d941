package ma.amo.population.imports;

import java.time.LocalDate;
import java.util.List;

import ma.amo.population.IdcsCheckDigit;
import ma.amo.shared.CopyText;
import ma.amo.shared.InputBounds;

/**
 * The Interior ministry's household file (amo-rules.md, "Tadamon enrolment flow"): one row per member of a household
 * that applied for Tadamon, with the household's RSU identifier, the member's IDCS, their relation to the head
 * ({@code HEAD}, {@code SPOUSE}, {@code CHILD}) and the date of the application. A household has exactly one head, at
 * most four spouses (the Moudawana's limit) and one application date; a person applies within one household only.
 * Re-sending a household updates its rows; the file's households are kept so that its answer file lists them all.
 */
final class HouseholdExtract implements Extract {

	private static final List<Column> COLUMNS = List.of(new Column("household_id", true), new Column("idcs", true),
			new Column("relation", true), new Column("applied_on", true));

	private static final List<String> RELATIONS = List.of("HEAD", "SPOUSE", "CHILD");

	private final IdcsCheckDigit checkDigit;
	private final LocalDate today;

	HouseholdExtract(IdcsCheckDigit checkDigit, LocalDate today) {
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
				create temporary table household_staging (line bigint, household_id text, idcs text, relation text,
				  applied_on date) on commit drop""";
	}

	@Override
	public String stagingTable() {
		return "household_staging";
	}

	@Override
	public String registerTable() {
		return "household_member";
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
		String relation = values.get(2);
		if (relation == null) {
			return new Rejected("relation", "is required");
		}
		relation = relation.toUpperCase(java.util.Locale.ROOT);
		if (!RELATIONS.contains(relation)) {
			return new Rejected("relation", "must be one of HEAD, SPOUSE, CHILD");
		}
		String date = values.get(3);
		if (date == null) {
			return new Rejected("applied_on", "is required");
		}
		LocalDate applied = Fields.date(date);
		if (applied == null) {
			return new Rejected("applied_on", "'" + date + "' is not a date (yyyy-MM-dd)");
		}
		if (applied.isAfter(today)) {
			return new Rejected("applied_on", "must not be in the future");
		}
		if (applied.isBefore(InputBounds.EARLIEST_DATE)) {
			return new Rejected("applied_on", "must not be before " + InputBounds.EARLIEST_DATE);
		}
		row.add(household).add(idcs).add(relation).add(date);
		return null;
	}

	@Override
	public List<String> wholeFileChecks() {
		return List.of("""
				select s.line, 'idcs', 'IDCS ' || s.idcs || ' is already on line ' || d.first_line
				from household_staging s join (select idcs, min(line) first_line from household_staging
				  group by idcs having count(*) > 1) d on d.idcs = s.idcs where s.line > d.first_line""", """
				select s.line, 'relation', 'household ' || s.household_id || ' has no HEAD row'
				from household_staging s where not exists (select 1 from household_staging h
				  where h.household_id = s.household_id and h.relation = 'HEAD')""", """
				select s.line, 'relation', 'household ' || s.household_id || ' already has its HEAD on line ' || h.first_line
				from household_staging s join (select household_id, min(line) first_line from household_staging
				  where relation = 'HEAD' group by household_id having count(*) > 1) h on h.household_id = s.household_id
				where s.relation = 'HEAD' and s.line > h.first_line""", """
				select s.line, 'relation', 'household ' || s.household_id || ' has more than 4 spouses'
				from (select line, household_id, row_number() over (partition by household_id order by line) n
				  from household_staging where relation = 'SPOUSE') s where s.n > 4""", """
				select s.line, 'applied_on', 'differs from the application date ' || h.applied_on || ' of the head of household '
				  || s.household_id
				from household_staging s join household_staging h on h.household_id = s.household_id and h.relation = 'HEAD'
				where s.applied_on <> h.applied_on""", """
				select s.line, 'idcs', 'IDCS ' || s.idcs || ' already applied within household ' || m.household_id
				from household_staging s join household_member m on m.idcs = s.idcs where m.household_id <> s.household_id""");
	}

	@Override
	public String merge() {
		return """
				with listed as (
				  insert into household_file_entry (import_job_id, household_id)
				  select distinct :job, household_id from household_staging on conflict do nothing),
				merged as (
				  insert into household_member as h (household_id, idcs, relation, applied_on, import_job_id)
				  select household_id, idcs, relation, applied_on, :job from household_staging
				  on conflict (household_id, idcs) do update set relation = excluded.relation,
				    applied_on = excluded.applied_on, import_job_id = excluded.import_job_id
				  where (h.relation, h.applied_on) is distinct from (excluded.relation, excluded.applied_on)
				  returning xmax = 0 as inserted)
				select count(*) filter (where inserted), count(*) filter (where not inserted) from merged""";
	}
}
