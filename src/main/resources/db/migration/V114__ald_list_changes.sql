-- The ALD list under the regulator's maker-checker (issue 18, point 1): a regulator proposes to add a condition, to
-- change its terms (label, lifelong exemption, years) or to retire it, each from a date; another regulator approves
-- (the change is then applied) or rejects it. The list on a date is the conditions listed on or before it, each with the
-- terms of its latest applied change dated on or before it, a retirement taking it off the list from its date. The
-- conditions of the arrêté (no listed_from) are listed from ever.
alter table long_term_condition add column listed_from date;

create table long_term_condition_change (
    id                 bigserial primary key,
    action             text not null check (action in ('ADD', 'CHANGE', 'RETIRE')),
    code               int not null check (code between 1 and 99),
    label              text,
    lifelong_exemption boolean,
    exemption_years    int check (exemption_years between 1 and 99),
    source             text,
    effective_from     date not null,
    reason             text not null,
    status             text not null check (status in ('PROPOSED', 'APPLIED', 'REJECTED')),
    proposed_by        text not null,
    proposed_at        timestamptz not null default now(),
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text,
    check (decided_by is null or decided_by <> proposed_by),
    check (action = 'RETIRE' or (label is not null and lifelong_exemption is not null and exemption_years is not null))
);
create index long_term_condition_change_applied on long_term_condition_change (code, effective_from) where status = 'APPLIED';
create index long_term_condition_change_proposed on long_term_condition_change (status, proposed_at);
