-- Rights follow money: the working days that open salaried rights count once the employer's declaration is paid.
-- The days come from the contributions module (one row per member, month and declaration); rows loaded with a
-- portfolio's history carry the reference 'HISTORY' and the date they were paid.
alter table declared_days rename to paid_days;
alter table paid_days add column reference text not null default 'HISTORY';
alter table paid_days add column paid_on date;
update paid_days set paid_on = (month + interval '1 month' + interval '9 days')::date;
alter table paid_days alter column paid_on set not null;
alter table paid_days drop constraint declared_days_pkey;
alter table paid_days add primary key (member_id, month, reference);
alter table paid_days alter column reference drop default;

-- What happened to a member's cover: a payment, a missed instalment, an enrolment... Each event recomputes the rights
-- of the members it touches; the segments below keep the event that produced each change.
create table rights_event (
    id          bigserial primary key,
    kind        text not null,
    summary     text not null,
    occurred_on date not null,
    recorded_at timestamptz not null default now()
);

-- A person's rights as a member (their own regimes, not as a dependant) as a sequence of segments: from valid_from
-- until the next segment, the status and rule the rights engine gives, and the event whose recomputation first
-- produced that segment. Dependants follow the segments of their member.
create table rights_segment (
    idcs       text not null,
    valid_from date not null,
    status     text not null check (status in ('OPEN', 'WAITING', 'SUSPENDED', 'CLOSED')),
    rule       text not null,
    reason     text not null,
    event_id   bigint not null references rights_event (id),
    primary key (idcs, valid_from)
);
create index rights_segment_event on rights_segment (event_id);

-- Suspensions decided by a contribution event carry it, and a cause (e.g. ACHAMIL_UNPAID) so that the payment that
-- lifts them finds them; at most one open suspension per enrolment and cause.
alter table rights_suspension add column event_id bigint references rights_event (id);
alter table rights_suspension add column cause text;
create unique index rights_suspension_open_cause on rights_suspension (enrolment_id, cause) where end_date is null and cause is not null;
