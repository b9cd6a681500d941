-- When each record a hospital's copy of the beneficiaries depends on last changed, for the FHIR Bulk Data export's
-- _since: the person (RNP import), the member, their regime periods, suspensions and dependant links. The database
-- stamps them (a column default on insert, "changed_at = now()" in the statements that update them), not a trigger:
-- the RNP import and the portfolio load write hundreds of thousands of rows by COPY and merge, and a per-row trigger
-- would cost them a function call per row, where a default costs nothing measurable. Rights recomputed by an event
-- (a payment, a missed instalment) are dated by that event's recorded_at. Existing rows take the migration's time.
alter table person add column changed_at timestamptz not null default now();
alter table member add column changed_at timestamptz not null default now();
alter table enrolment add column changed_at timestamptz not null default now();
alter table dependant add column changed_at timestamptz not null default now();
alter table rights_suspension add column changed_at timestamptz not null default now();
create index person_changed_at on person (changed_at);
create index member_changed_at on member (changed_at);
create index enrolment_changed_at on enrolment (changed_at);
create index dependant_changed_at on dependant (changed_at);
create index rights_suspension_changed_at on rights_suspension (changed_at);
create index rights_event_recorded_at on rights_event (recorded_at);

-- An export asked through FHIR $export: what was asked, by which account, as of when. The files are not stored:
-- each is streamed from the tables above when downloaded, so a job row is all an export keeps.
create table bulk_export (
    id               uuid primary key,
    account          text not null,
    types            text not null check (types ~ '^(Patient|Coverage)(,(Patient|Coverage))?$'),
    since            timestamptz,
    transaction_time timestamptz not null,
    rights_date      date not null,
    request          text not null check (length(request) <= 2048),
    cancelled_at     timestamptz
);
create index bulk_export_account on bulk_export (account, transaction_time);
