-- Prior approvals (prises en charge): the request, its automatic pre-check, the reviewer's decision, what invoices
-- have used of it, and an append-only history (amo-rules.md, "Procedures and deadlines").
create sequence prior_approval_number;

create table prior_approval (
    id                 bigserial primary key,
    reference          text not null unique,
    filed_by           text not null,
    idempotency_key    text not null,
    request_hash       text not null,
    establishment_inpe text not null,
    patient_idcs       text not null,
    care_type          text not null,
    expected_start     date not null,
    stay_days          int,
    sessions_requested int,
    protocol           text,
    lines              jsonb not null,
    attachments        jsonb not null,
    medical_note       text not null,  -- encrypted (FieldCipher): health data, medical reviewers only
    renews             text,
    regime             text,
    payer_body         text,
    pre_check          jsonb not null,
    estimate_billed    numeric(14, 2),
    estimate_covered   numeric(14, 2),
    status             text not null check (status in ('PENDING', 'MORE_INFORMATION_REQUESTED', 'APPROVED', 'REJECTED')),
    received_at        timestamp not null,
    due_at             timestamp not null,
    question           text,
    answer             text,
    decided_by         text,
    decided_at         timestamp,
    decision_reason    text,
    approved_amount    numeric(14, 2),
    valid_from         date,
    valid_until        date,
    sessions_approved  int,
    amount_used        numeric(14, 2) not null default 0,
    sessions_used      int not null default 0,
    unique (establishment_inpe, idempotency_key)
);
create index prior_approval_pending on prior_approval (due_at) where status = 'PENDING';
create index prior_approval_patient on prior_approval (patient_idcs);

create table prior_approval_step (
    id          bigserial primary key,
    approval_id bigint not null references prior_approval (id),
    at          timestamp not null,
    action      text not null,
    status      text not null,
    actor       text not null,
    comment     text
);
create index prior_approval_step_approval on prior_approval_step (approval_id, id);

create function prior_approval_step_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the history of a prior approval is append-only';
end $$;
create trigger prior_approval_step_append_only before update or delete on prior_approval_step
    for each statement execute function prior_approval_step_append_only();

-- What care used of an approval: one row per approval, care date and code (the same act on the same day is one act,
-- as the claims' duplicate rule has it), so a resubmission of the same care or a new adjudication of the same invoice
-- uses nothing twice; the claim that first used it is kept.
create table prior_approval_use (
    approval_id bigint not null references prior_approval (id),
    care_date   date not null,
    code        text not null,
    claim_id    bigint not null,
    amount      numeric(14, 2) not null,
    sessions    int not null,
    used_at     timestamp not null,
    primary key (approval_id, care_date, code)
);

insert into parameter (name, kind, description, source) values
  ('approvals.answer-working-hours', 'INTEGER', 'Working hours within which a prior approval is answered', 'amo-rules.md, "Procedures and deadlines"'),
  ('approvals.dialysis-answer-days', 'INTEGER', 'Calendar days within which a prior approval for dialysis is answered', 'amo-rules.md, "Procedures and deadlines"');
insert into parameter_value (name, effective_from, value) values
  ('approvals.answer-working-hours', '2005-01-01', '48'),
  ('approvals.dialysis-answer-days', '2005-01-01', '7');
