-- Complaints of members and providers, their history (append-only) and the agents' internal notes. The legal clocks
-- of décret 2-17-265 are parameters counted in calendar days from the filing date.
insert into parameter (name, kind, description, source) values
  ('complaints.acknowledgement-days', 'INTEGER', 'Calendar days after filing within which a complaint is acknowledged; day 0 is the filing date', 'décret 2-17-265 (amo-rules.md, "Complaints and data protection")'),
  ('complaints.answer-days', 'INTEGER', 'Calendar days after filing within which a complaint is answered; day 0 is the filing date', 'décret 2-17-265 (amo-rules.md, "Complaints and data protection")');
insert into parameter_value (name, effective_from, value) values
  ('complaints.acknowledgement-days', '2017-06-23', '15'),
  ('complaints.answer-days', '2017-06-23', '60');

create table complaint (
    id                  bigserial primary key,
    complainant_kind    text not null check (complainant_kind in ('INSURED', 'PROVIDER')),
    complainant_id      text not null,
    idempotency_key     text not null,
    request_hash        text not null,
    category            text not null check (category in ('REIMBURSEMENT_DELAY', 'REFUSAL', 'RIGHTS',
                          'PROVIDER_BEHAVIOUR', 'DATA_PROTECTION_ACCESS', 'DATA_PROTECTION_CORRECTION')),
    subject             text not null,
    description         text not null,
    claim_reference     text,
    status              text not null check (status in ('FILED', 'ACKNOWLEDGED', 'ASSIGNED', 'ANSWERED', 'ESCALATED',
                          'CLOSED')),
    filed_on            date not null,
    acknowledgement_due date not null,
    answer_due          date not null,
    acknowledged_on     date,
    assignee            text,
    answered_on         date,
    answer              text,
    escalated_on        date,
    closed_on           date,
    filed_at            timestamptz not null default now(),
    unique (complainant_kind, complainant_id, idempotency_key)
);
-- The overdue list reads only the complaints whose clock still runs.
create index complaint_awaiting_acknowledgement on complaint (acknowledgement_due) where acknowledged_on is null;
create index complaint_awaiting_answer on complaint (answer_due) where answered_on is null;
create index complaint_complainant on complaint (complainant_kind, complainant_id);

create table complaint_event (
    id           bigserial primary key,
    complaint_id bigint not null references complaint (id),
    on_date      date not null,
    at           timestamptz not null default now(),
    action       text not null,
    status       text not null,
    actor        text not null,
    comment      text
);
create index complaint_event_complaint on complaint_event (complaint_id, id);

create table complaint_note (
    id           bigserial primary key,
    complaint_id bigint not null references complaint (id),
    at           timestamptz not null default now(),
    author       text not null,
    text         text not null
);
create index complaint_note_complaint on complaint_note (complaint_id, id);

-- What was done and said on a complaint is evidence for the regulator: history and notes are never rewritten.
create function complaint_history_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name;
end
$$;
create trigger complaint_event_append_only before update or delete on complaint_event
  for each row execute function complaint_history_append_only();
create trigger complaint_note_append_only before update or delete on complaint_note
  for each row execute function complaint_history_append_only();
