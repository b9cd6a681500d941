package ma.amo.enrolment.targeting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ma.amo.enrolment.AchamilBands;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based SQL of one targeting pass (amo-rules.md, "Regimes", Tadamon and Achamil), run inside the caller's
 * transaction. Every household in scope is evaluated in one statement into a temporary table: its head's RSU score in
 * force on the evaluation date, the Tadamon threshold in force then, whether each member is known and alive, whether
 * one is already covered elsewhere. From that table, the households now eligible are registered (head and adult
 * children as members, spouse and children under the age limit as their dependants), the others get their rejection
 * reason, and registered households whose score now reaches the threshold leave Tadamon and receive an Achamil offer.
 * A household is read by its members' rows, never one at a time: a file of a million households is a few statements.
 */
final class TargetingPass {

	/** Which households a pass looks at, and on which date. */
	record Scope(Long importJobId, LocalDate runDate, BigDecimal thresholdOverride, LocalDate from, boolean retarget) {

		/** The households of one file, each evaluated on its application date; registered ones are left as they are. */
		static Scope file(long importJobId) {
			return new Scope(importJobId, null, null, null, false);
		}

		/** Every household that applied, on {@code date}: those below the threshold enter, those above leave. */
		static Scope everyone(LocalDate date, BigDecimal thresholdOverride, LocalDate from) {
			return new Scope(null, date, thresholdOverride, from, true);
		}
	}

	/** How many households a pass registered, rejected and moved out of Tadamon, and the members to recompute. */
	record Outcome(int registered, int rejected, int left, List<Long> members, LocalDate from) {
	}

	private static final String EVALUATION = """
			select h.household_id, h.idcs as head_idcs, h.applied_on, d.on_date, s.score, s.score_date, t.threshold,
			  dec.outcome as current_outcome, u.idcs as unknown_idcs, c.idcs as covered_idcs,
			  case
			    when dec.outcome = 'REGISTERED' then null
			    when u.idcs is not null then 'UNKNOWN_PERSON'
			    when s.score is null or s.household_id <> h.household_id then 'NOT_IN_RSU'
			    when s.score >= t.threshold then 'SCORE_NOT_BELOW_THRESHOLD'
			    when c.idcs is not null then 'COVERED_BY_OTHER_REGIME'
			    else 'SCORE_BELOW_THRESHOLD' end as verdict
			from household_member h
			  %s
			  left join household_decision dec on dec.household_id = h.household_id
			  cross join lateral (select coalesce(cast(:runDate as date), h.applied_on) as on_date) d
			  cross join lateral (select coalesce(cast(:override as numeric), (select v.value::numeric from parameter_value v
			    where v.name = 'tadamon.rsu-threshold' and v.effective_from <= d.on_date
			    order by v.effective_from desc limit 1)) as threshold) t
			  left join lateral (select r.score, r.score_date, r.household_id from rsu_score r
			    where r.idcs = h.idcs and r.score_date <= d.on_date order by r.score_date desc limit 1) s on true
			  left join lateral (select x.idcs from household_member x where x.household_id = h.household_id
			    and not exists (select 1 from person p where p.idcs = x.idcs and (p.death_date is null or p.death_date > d.on_date))
			    order by x.idcs limit 1) u on dec.outcome is distinct from 'REGISTERED'
			  left join lateral (select x.idcs from household_member x where x.household_id = h.household_id
			    and (exists (select 1 from member m join enrolment e on e.member_id = m.id where m.idcs = x.idcs
			           and (e.end_date is null or e.end_date >= d.on_date))
			      or exists (select 1 from dependant k where k.idcs = x.idcs and (k.end_date is null or k.end_date >= d.on_date)
			           and not exists (select 1 from member hm where hm.id = k.member_id and hm.idcs = h.idcs)))
			    order by x.idcs limit 1) c on dec.outcome is distinct from 'REGISTERED'
			where h.relation = 'HEAD'""";

	private static final String FILE_SCOPE =
			"join household_file_entry f on f.household_id = h.household_id and f.import_job_id = :job";

	private final JdbcClient jdbc;

	TargetingPass(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts, without changing anything, the households that would enter and leave Tadamon. */
	Map<String, Long> count(Scope scope) {
		return jdbc.sql("""
				select count(*) filter (where verdict = 'SCORE_BELOW_THRESHOLD'),
				  count(*) filter (where current_outcome = 'REGISTERED' and score >= threshold)
				from (%s) e""".formatted(evaluation(scope)))
			.params(params(scope))
			.query((rs, n) -> Map.of("entering", rs.getLong(1), "leaving", rs.getLong(2))).single();
	}

	/**
	 * Evaluates and applies; the decisions carry {@code runId}. The rights of the members touched are not recomputed
	 * here: the caller does it in rounds, with the event {@code eventId} once it knows what changed.
	 */
	Outcome apply(Scope scope, long runId, int childAgeLimit, AchamilBands bands) {
		Map<String, Object> params = params(scope);
		jdbc.sql("create temporary table targeting_eval on commit drop as " + evaluation(scope)).params(params).update();
		jdbc.sql("analyze targeting_eval").update();
		int rejected = reject(runId);
		int registered = register(scope, runId, childAgeLimit);
		int left = leave(scope, runId, bands);
		List<Long> members = jdbc.sql("""
				select member_id from targeting_entrant where member_id is not null
				union select member_id from targeting_leaver""").query(Long.class).list();
		LocalDate from = jdbc.sql("""
				select least((select min(start) from targeting_entrant), (select min(end_on) + 1 from targeting_leaver))""")
			.query(LocalDate.class).optional().orElse(null);
		return new Outcome(registered, rejected, left, members, from);
	}

	private int reject(long runId) {
		return jdbc.sql("""
				insert into household_decision as d (household_id, outcome, reason_code, reason, score, threshold, decided_on,
				  targeting_run_id)
				select household_id, 'REJECTED', verdict, case verdict
				    when 'UNKNOWN_PERSON' then 'membre ' || unknown_idcs
				      || ' inconnu du registre national de la population ou décédé au ' || to_char(on_date, 'DD/MM/YYYY')
				    when 'NOT_IN_RSU' then 'foyer ' || household_id || ' absent du registre social unifié au '
				      || to_char(on_date, 'DD/MM/YYYY')
				    when 'SCORE_NOT_BELOW_THRESHOLD' then 'indice socio-économique ' || trim_scale(score)
				      || ' égal ou supérieur au seuil ' || trim_scale(threshold) || ' de l''AMO Tadamon au ' || to_char(on_date, 'DD/MM/YYYY')
				    else 'le membre ' || covered_idcs || ' est déjà couvert par un autre régime au ' || to_char(on_date, 'DD/MM/YYYY')
				  end, score, threshold, on_date, :run
				from targeting_eval where verdict is not null and verdict <> 'SCORE_BELOW_THRESHOLD'
				on conflict (household_id) do update set outcome = excluded.outcome, reason_code = excluded.reason_code,
				  reason = excluded.reason, score = excluded.score, threshold = excluded.threshold,
				  decided_on = excluded.decided_on, targeting_run_id = excluded.targeting_run_id, changed_at = now()
				where (d.outcome, d.reason_code) is distinct from (excluded.outcome, excluded.reason_code)
				  and not (d.outcome = 'LEFT' and excluded.reason_code = 'SCORE_NOT_BELOW_THRESHOLD')""")
			.param("run", runId).update();
	}

	/**
	 * Registers the eligible households from the later of the application date and the score's date (and of the new
	 * threshold's date): the head and the children over the age limit become members (a registration number at CNSS
	 * when they have none), with a Tadamon period; spouses and younger children become the head's dependants.
	 */
	private int register(Scope scope, long runId, int childAgeLimit) {
		jdbc.sql("""
				create temporary table targeting_entrant on commit drop as
				select e.household_id, x.idcs, x.relation, e.start, e.score, e.threshold,
				  x.relation = 'HEAD' or (x.relation = 'CHILD' and p.birth_date <= e.start - make_interval(years => :limit)) as principal,
				  cast(null as bigint) as member_id
				from (select household_id, score, threshold, greatest(applied_on, score_date, cast(:from as date)) as start
				      from targeting_eval where verdict = 'SCORE_BELOW_THRESHOLD') e
				  join household_member x on x.household_id = e.household_id
				  join person p on p.idcs = x.idcs and (p.death_date is null or p.death_date > e.start)""")
			.param("limit", childAgeLimit).param("from", scope.from()).update();
		jdbc.sql("""
				insert into member (idcs, payer_body, registration_number, registered_on)
				select idcs, 'CNSS', lpad(n::text, 9, '0') || lpad((97 - n % 97)::text, 2, '0'), start
				from (select t.idcs, t.start, nextval('registration_cnss') as n from targeting_entrant t
				      where t.principal and not exists (select 1 from member m where m.payer_body = 'CNSS' and m.idcs = t.idcs)) fresh""")
			.update();
		jdbc.sql("""
				update targeting_entrant t set member_id = m.id from member m
				where t.principal and m.payer_body = 'CNSS' and m.idcs = t.idcs""").update();
		// Temporary tables have no statistics until analysed: the self-join below would be planned as a nested loop.
		jdbc.sql("analyze targeting_entrant").update();
		jdbc.sql("""
				insert into enrolment (member_id, regime, start_date, waiting_waived)
				select member_id, 'TADAMON', start, false from targeting_entrant where principal""").update();
		jdbc.sql("""
				insert into dependant (member_id, idcs, relation, start_date)
				select head.member_id, t.idcs, t.relation, t.start
				from targeting_entrant t join targeting_entrant head on head.household_id = t.household_id and head.relation = 'HEAD'
				where not t.principal
				  and not exists (select 1 from dependant k where k.idcs = t.idcs and (k.end_date is null or k.end_date >= t.start))""")
			.update();
		return jdbc.sql("""
				insert into household_decision as d (household_id, outcome, reason_code, reason, score, threshold, decided_on,
				  member_id, targeting_run_id)
				select household_id, 'REGISTERED', 'SCORE_BELOW_THRESHOLD', 'foyer immatriculé à l''AMO Tadamon le '
				    || to_char(start, 'DD/MM/YYYY') || ': indice socio-économique ' || trim_scale(score)
				    || ' inférieur au seuil ' || trim_scale(threshold), score, threshold, start, member_id, :run
				from targeting_entrant where relation = 'HEAD'
				on conflict (household_id) do update set outcome = excluded.outcome, reason_code = excluded.reason_code,
				  reason = excluded.reason, score = excluded.score, threshold = excluded.threshold,
				  decided_on = excluded.decided_on, member_id = excluded.member_id,
				  targeting_run_id = excluded.targeting_run_id, changed_at = now()""")
			.param("run", runId).update();
	}

	/**
	 * Ends the Tadamon periods of registered households whose score in force reaches the threshold: the day before the
	 * score (or the new threshold) took effect, never before the period's start, for the reason "conditions ended",
	 * so that the rights engine keeps rights for the months the parameter {@code rights.keep-months.TADAMON} says.
	 * Each member leaving receives an Achamil offer at the monthly amount of the household's score band.
	 */
	private int leave(Scope scope, long runId, AchamilBands bands) {
		// A file's pass never moves anyone out; the empty table keeps one path for both kinds of pass.
		jdbc.sql("""
				create temporary table targeting_leaver on commit drop as
				select e.household_id, e.score, e.threshold, e.score_date, x.idcs, m.id as member_id, n.id as enrolment_id,
				  greatest(n.start_date, greatest(e.score_date, cast(:from as date)) - 1) as end_on
				from targeting_eval e
				  join household_member x on x.household_id = e.household_id
				  join member m on m.idcs = x.idcs and m.payer_body = 'CNSS'
				  join enrolment n on n.member_id = m.id and n.regime = 'TADAMON' and n.end_date is null
				where cast(:retarget as boolean) and e.current_outcome = 'REGISTERED' and e.score >= e.threshold""")
			.param("from", scope.from()).param("retarget", scope.retarget()).update();
		jdbc.sql("analyze targeting_leaver").update();
		jdbc.sql("""
				update enrolment n set end_date = l.end_on, end_reason = 'CONDITIONS_ENDED'
				from targeting_leaver l where n.id = l.enrolment_id""").update();
		jdbc.sql("""
				insert into achamil_offer (household_id, idcs, member_id, offered_on, score, monthly_amount, tadamon_ends_on,
				  targeting_run_id)
				select l.household_id, l.idcs, l.member_id, cast(:today as date), l.score,
				  (select b.amount from unnest(cast(:bounds as numeric[]), cast(:amounts as numeric[])) with ordinality
				     as b(bound, amount, n) where b.bound is null or l.score <= b.bound order by b.n limit 1),
				  l.end_on, :run
				from targeting_leaver l
				on conflict (idcs, tadamon_ends_on) do nothing""")
			.param("today", scope.runDate()).param("bounds", array(bands, true)).param("amounts", array(bands, false))
			.param("run", runId).update();
		return jdbc.sql("""
				update household_decision d set outcome = 'LEFT', reason_code = 'SCORE_CROSSED_THRESHOLD',
				  reason = 'indice socio-économique ' || trim_scale(l.score) || ' du ' || to_char(l.score_date, 'DD/MM/YYYY')
				    || ' égal ou supérieur au seuil ' || trim_scale(l.threshold) || ': sortie de l''AMO Tadamon le '
				    || to_char(l.end_on, 'DD/MM/YYYY') || ', droits maintenus selon la règle du régime; offre AMO Achamil de '
				    || o.monthly_amount || ' DH par mois',
				  score = l.score, threshold = l.threshold, decided_on = l.end_on + 1, targeting_run_id = :run, changed_at = now()
				from targeting_leaver l join achamil_offer o on o.idcs = l.idcs and o.tadamon_ends_on = l.end_on
				  join household_member x on x.idcs = l.idcs and x.relation = 'HEAD'
				where d.household_id = l.household_id""")
			.param("run", runId).update();
	}

	private static String array(AchamilBands bands, boolean bounds) {
		return bands.bands().stream()
			.map(b -> bounds ? (b.upperBound() == null ? "NULL" : b.upperBound().toPlainString()) : b.amount().toPlainString())
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static String evaluation(Scope scope) {
		return EVALUATION.formatted(scope.importJobId() == null ? "" : FILE_SCOPE);
	}

	private static Map<String, Object> params(Scope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("runDate", scope.runDate());
		params.put("override", scope.thresholdOverride());
		if (scope.importJobId() != null) {
			params.put("job", scope.importJobId());
		}
		return params;
	}
}
