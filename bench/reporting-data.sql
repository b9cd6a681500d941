-- A year of care for the indicators benchmark, generated set-based beside the demo's population: {claims} claims of
-- the enrolled members (two in three members' own claims, one in three establishments' invoices; one in two with a
-- medicine line), decided, a few rejected with their reasons, most paid in weekly batches 20 to 70 days after their
-- filing (some beyond the 60-day delay), with Tadamon and Achamil decisions, complaints and prior approvals in
-- proportion. Dates count back from today. {claims} is replaced by bench/reporting.sh (and by the dashboard's
-- screenshot test); statements end with a semicolon at the end of a line.
-- The platform publishes no medicines referential by itself (the demo's year of care does): a synthetic one, if none.
with referential as (
  insert into medicine_referential (effective_from, status, file_name, medicines, proposed_by, decided_by, decided_at)
  select date '2020-01-01', 'PUBLISHED', 'bench-reporting', 200, 'bench', 'bench-checker', now()
  where not exists (select 1 from medicine_referential where status = 'PUBLISHED') returning id)
insert into medicine (referential_id, code, name, dci, dosage, form, presentation, ppv, prix_br, brand_or_generic,
                      reimbursement_rate)
select referential.id, '6118000' || lpad(g::text, 6, '0'), 'MEDICAMENT ' || g, 'DCI ' || g % 50, (10 * (1 + g % 5)) || ' mg',
       'comprimé', 'boîte de 30', 20 + (g * 37) % 400, 20 + (g * 37) % 400, case when g % 3 = 0 then 'P' else 'G' end, 70
from referential cross join generate_series(1, 200) g;
create temporary table bench_patient as
  select row_number() over (order by m.id) as rn, m.idcs, m.payer_body, e.regime
  from member m join enrolment e on e.member_id = m.id and e.end_date is null;
create temporary table bench_medicine as
  select row_number() over (order by code) as rn, code, ppv
  from (select distinct on (code) code, ppv from medicine where ppv between 5 and 2000 order by code, referential_id desc) m;
create temporary table bench_establishment as
  select row_number() over (order by inpe) as rn, inpe, category from establishment;
create temporary table bench_claim as
  with g as (
    select g, current_date - ((g * 7) % 365) as filed from generate_series(1, {claims}) g
  ), shaped as (
    select g.g, g.filed, p.idcs, p.payer_body, p.regime, es.inpe as establishment, md.code as medicine,
           1 + g.g % 3 as quantity, coalesce(md.ppv * (1 + g.g % 3), 0) as medicine_billed, 80 + g.g % 70 as act_billed,
           g.filed + 20 + g.g % 50 as paid_on
    from g
    join bench_patient p on p.rn = 1 + g.g % nullif((select count(*) from bench_patient), 0)
    left join bench_establishment es on g.g % 3 = 0 and es.rn = 1 + g.g % nullif((select count(*) from bench_establishment), 0)
    left join bench_medicine md on g.g % 2 = 0 and md.rn = 1 + (g.g / 2) % nullif((select count(*) from bench_medicine), 0)
  )
  select shaped.*, case when g % 20 = 0 then 'REJECTED' when g % 20 = 1 then 'IN_REVIEW'
                        when g % 20 in (2, 3, 4) or paid_on > current_date then 'APPROVED' else 'PAID' end as status
  from shaped;
insert into claim (kind, submitter, idempotency_key, request_hash, patient_idcs, care_date, filed_on, executing_inpe,
                   establishment_inpe, status, regime, billed, covered, patient_share, state_share, received_at,
                   adjudicated_at, payer_body, member_idcs, decided_at)
select case when establishment is null then 'MEMBER_REIMBURSEMENT' else 'PROVIDER_INVOICE' end, 'bench-reporting',
       'bench-reporting-' || g, 'bench', idcs, filed - 5, filed, '000000001', establishment, status, regime,
       act_billed + medicine_billed,
       case when status = 'REJECTED' then 0 else round((act_billed + medicine_billed) * 0.7, 2) end,
       case when status = 'REJECTED' then act_billed + medicine_billed else round((act_billed + medicine_billed) * 0.3, 2) end,
       0, filed + time '09:00', filed + time '09:00', payer_body, idcs,
       case when status <> 'IN_REVIEW' then filed + 3 + time '11:00' end
from bench_claim;
create temporary table bench_claim_id as
  select c.id, substring(c.idempotency_key from 17)::int as g from claim c where c.submitter = 'bench-reporting';
insert into claim_line (claim_id, line_no, act_code, coefficient, billed, outcome, base, rate, covered, patient_share, state_share)
select i.id, 0, 'C', 1, b.act_billed, case when b.status = 'REJECTED' then 'REJECTED' else 'ACCEPTED' end, b.act_billed,
       70, case when b.status = 'REJECTED' then 0 else round(b.act_billed * 0.7, 2) end,
       case when b.status = 'REJECTED' then b.act_billed else round(b.act_billed * 0.3, 2) end, 0
from bench_claim_id i join bench_claim b on b.g = i.g;
insert into claim_line (claim_id, line_no, medicine_code, quantity, billed, outcome, base, rate, covered, patient_share, state_share)
select i.id, 1, b.medicine, b.quantity, b.medicine_billed, case when b.status = 'REJECTED' then 'REJECTED' else 'ACCEPTED' end,
       b.medicine_billed, 70, case when b.status = 'REJECTED' then 0 else round(b.medicine_billed * 0.7, 2) end,
       case when b.status = 'REJECTED' then b.medicine_billed else round(b.medicine_billed * 0.3, 2) end, 0
from bench_claim_id i join bench_claim b on b.g = i.g where b.medicine is not null;
insert into claim_line_reason (claim_id, line_no, position, code, text)
select l.claim_id, l.line_no, 0,
       (array['LATE_FILING', 'RIGHTS_NOT_OPEN', 'NOT_COVERED', 'DUPLICATE', 'SECOND_CONSULTATION_SAME_DAY'])[1 + (i.g / 20) % 5], 'Généré'
from claim_line l join bench_claim_id i on i.id = l.claim_id where l.outcome = 'REJECTED';
insert into payment_batch (reference, payer_body, cut_off, created_by, idempotency_key, created_at, claims, paid, state_share,
                           status, approved_by, approved_at)
select 'BENCH-' || payer_body || '-' || week, payer_body, week, 'bench', 'BENCH-' || payer_body || '-' || week,
       (week + 4) + time '10:00', count(*), sum(round((act_billed + medicine_billed) * 0.7, 2)), 0, 'APPROVED', 'bench-checker',
       (week + 4) + time '10:00'
from (select b.*, date_trunc('week', b.paid_on)::date as week from bench_claim b where b.status = 'PAID') paid
group by payer_body, week;
insert into payment_batch_claim (claim_id, batch_id, payee_kind, payee, amount, state_share)
select i.id, pb.id, case when b.establishment is null then 'MEMBER' else 'ESTABLISHMENT' end,
       coalesce(b.establishment, b.idcs), round((b.act_billed + b.medicine_billed) * 0.7, 2), 0
from bench_claim_id i join bench_claim b on b.g = i.g
join payment_batch pb on pb.reference = 'BENCH-' || b.payer_body || '-' || date_trunc('week', b.paid_on)::date
where b.status = 'PAID';
insert into targeting_decision (programme, household_id, idcs, decided_on, outcome, reason)
select case when g % 4 = 0 then 'ACHAMIL' else 'TADAMON' end, 'BENCH-' || g, null, current_date - g % 365,
       case when g % 3 = 0 then 'REJECTED' else 'REGISTERED' end,
       case when g % 3 = 0 then (array['NOT_IN_RSU', 'SCORE_ABOVE_THRESHOLD', 'COVERED_BY_OTHER_REGIME', 'DECEASED'])[1 + g % 4]
                                || ': généré' else 'Inscrit' end
from generate_series(1, {claims} / 20) g;
insert into complaint (complainant_kind, complainant_id, filed_by, idempotency_key, request_hash, category, subject,
                       description, status, filed_on, acknowledgement_due, answer_due, answered_on)
select 'INSURED', 'BENCH' || g, 'bench', 'bench-' || g, 'bench', 'REIMBURSEMENT_DELAY', 'Délai', 'Généré',
       case when g % 4 = 0 then 'ACKNOWLEDGED' else 'ANSWERED' end, current_date - g % 400, current_date - g % 400 + 15,
       current_date - g % 400 + 60,
       case when g % 4 = 0 then null when g % 4 = 1 then current_date - g % 400 + 70 else current_date - g % 400 + 20 + g % 30 end
from generate_series(1, {claims} / 400) g;
insert into prior_approval (reference, filed_by, idempotency_key, request_hash, establishment_inpe, patient_idcs, care_type,
                            expected_start, lines, attachments, medical_note, payer_body, pre_check, status, received_at,
                            due_at, decided_by, decided_at)
select 'BENCH-PA-' || g, 'bench', 'bench-' || g, 'bench', (select inpe from bench_establishment limit 1), 'BENCH' || g,
       'HOSPITAL_STAY', current_date - g % 365 + 10, '[]', '[]', 'généré', case when g % 3 = 0 then 'CNOPS' else 'CNSS' end,
       '{}', case when g % 5 = 0 then 'REJECTED' else 'APPROVED' end, current_date - g % 365 + time '09:00',
       current_date - g % 365 + 2 + time '09:00', 'bench', current_date - g % 365 + (g % 4) + time '10:00'
from generate_series(1, {claims} / 100) g;
analyze claim;
analyze claim_line;
