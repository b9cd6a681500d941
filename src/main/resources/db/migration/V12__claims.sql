-- Claims: member reimbursement claims (feuilles de soins) and provider invoices (tiers payant), adjudicated line by
-- line with the reasons, and their history.
insert into parameter (name, kind, description, source) values
  ('claims.filing-deadline-days', 'INTEGER', 'Days after the care date within which a claim must be filed; later claims are rejected', 'amo-rules.md, "Procedures and deadlines"'),
  ('claims.review.sample-percent', 'INTEGER', 'Share of adjudicated claims drawn at random for an agent''s review, %', 'platform setting'),
  ('claims.review.amount-threshold', 'DECIMAL', 'Claims whose covered amount reaches this many MAD go to an agent''s review', 'platform setting'),
  ('claims.care-pathway.penalty-percent', 'DECIMAL', 'Reduction of the covered amount of care outside the coordinated pathway, % (none published: breaches are recorded)', 'amo-rules.md, "Procedures and deadlines"'),
  ('claims.care-pathway.direct-access-age', 'INTEGER', 'Children up to this age may see a paediatrician without referral (default, unconfirmed)', 'CNSS, parcours de soins coordonné'),
  ('claims.consultation-acts', 'TEXT', 'Act codes that are consultations or visits: one a day per provider and patient', 'NGAP'),
  ('claims.ceiling-items', 'TEXT', 'Act codes counted towards a ceiling item: code:ITEM pairs separated by semicolons', 'amo-rules.md (ceilings)');
insert into parameter_value (name, effective_from, value) values
  ('claims.filing-deadline-days', '2005-09-01', '60'),
  ('claims.review.sample-percent', '2005-09-01', '5'),
  ('claims.review.amount-threshold', '2005-09-01', '10000'),
  ('claims.care-pathway.penalty-percent', '2005-09-01', '0'),
  ('claims.care-pathway.direct-access-age', '2005-09-01', '12'),
  ('claims.consultation-acts', '2005-09-01', 'C;Cs;CNPSY;V;Vs;VNPSY'),
  ('claims.ceiling-items', '2005-09-01', 'DP:DENTAL_PROSTHESIS');

create table claim (
    id                bigserial primary key,
    kind              text not null check (kind in ('MEMBER_REIMBURSEMENT', 'PROVIDER_INVOICE')),
    submitter         text not null,
    idempotency_key   text not null,
    request_hash      text not null,
    patient_idcs      text not null,
    care_date         date not null,
    filed_on          date not null,
    executing_inpe    text not null,
    prescriber_inpe   text,
    establishment_inpe text,
    ald_code          int,
    exemption_number  text,
    referral          boolean not null default false,
    prior_approval    text,
    attachments       int not null default 0,
    status            text not null check (status in ('RECEIVED', 'ADJUDICATED', 'IN_REVIEW', 'APPROVED',
                        'PARTIALLY_APPROVED', 'REJECTED', 'PAID')),
    regime            text,
    billed            numeric(14, 2) not null,
    covered           numeric(14, 2),
    patient_share     numeric(14, 2),
    state_share       numeric(14, 2),
    review_reasons    text,
    received_at       timestamptz not null default now(),
    adjudicated_at    timestamptz,
    unique (submitter, idempotency_key)
);
create index claim_received on claim (id) where status = 'RECEIVED';
create index claim_patient_day on claim (patient_idcs, care_date);

create table claim_line (
    claim_id      bigint not null references claim (id),
    line_no       int not null,
    act_code      text,
    coefficient   numeric(8, 2),
    medicine_code text,
    quantity      int,
    billed        numeric(12, 2) not null,
    outcome       text check (outcome in ('ACCEPTED', 'REDUCED', 'REJECTED')),
    base          numeric(12, 2),
    rate          int,
    covered       numeric(12, 2),
    patient_share numeric(12, 2),
    state_share   numeric(12, 2),
    reasons       text,
    primary key (claim_id, line_no)
);

create table claim_event (
    id       bigserial primary key,
    claim_id bigint not null references claim (id),
    at       timestamptz not null default now(),
    status   text not null,
    actor    text not null,
    comment  text
);
create index claim_event_claim on claim_event (claim_id, id);
