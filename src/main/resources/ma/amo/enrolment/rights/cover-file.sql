-- A person's cover file in one round trip (CoverFiles): the person and the members they depend on, the dependant
-- links, every regime period of those people, their suspensions and paid working days, as tagged rows.
-- The one parameter is the IDCS. bench/eligibility.sh runs this same text through pgbench for the database's ceiling.
-- The suspensions are read through their enrolment index from an array: written as a semi join on a CTE, the
-- planner chose to hash the CTE and scan the whole table on every answer, a cost growing with the suspensions.
with q as (select ?::text as idcs),
l as (select d.id, d.member_id, d.idcs, d.relation, d.start_date, d.end_date, d.end_reason, d.student_until,
        d.disabled, m.idcs as member_idcs, m.payer_body, m.registration_number, m.registered_on
      from dependant d join member m on m.id = d.member_id where d.idcs = (select idcs from q)),
people as (select idcs from q union select member_idcs from l),
e as (select m.id as member_id, m.idcs, m.payer_body, m.registration_number, m.registered_on, e.id,
        e.regime, e.start_date, e.end_date, e.end_reason, e.waiting_waived
      from member m join enrolment e on e.member_id = m.id where m.idcs in (select idcs from people))
select 'P', idcs, cin, last_name, first_name, last_name_ar, first_name_ar, birth_date::text, sex, commune,
  province, region, death_date::text
  from person where idcs in (select idcs from people)
union all
select 'L', id::text, member_id::text, idcs, relation, start_date::text, end_date::text, end_reason,
  student_until::text, disabled::text, member_idcs, payer_body, registration_number || ' ' || registered_on
  from l
union all
select 'E', member_id::text, idcs, payer_body, registration_number, registered_on::text, id::text, regime,
  start_date::text, end_date::text, end_reason, waiting_waived::text, null
  from e
union all
select 'S', id::text, enrolment_id::text, start_date::text, end_date::text, reason, null, null, null, null,
  null, null, null
  from rights_suspension where enrolment_id = any(array(select id from e))
union all
select 'D', member_id::text, month::text, days::text, paid_on::text, null, null, null, null, null, null, null,
  null
  from paid_days where member_id in (select member_id from e)

