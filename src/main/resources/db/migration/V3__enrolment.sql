-- Registration numbers: nine digits from a per-payer range, then a two-digit key (97 - n mod 97).
create sequence registration_cnss start 100000001;
create sequence registration_cnops start 500000001;

-- A person registered at a payer body (assuré principal). A person changing payer gets a second member row.
create table member (
    id                  bigserial primary key,
    idcs                text not null references person (idcs),
    payer_body          text not null check (payer_body in ('CNSS', 'CNOPS')),
    registration_number text not null unique,
    registered_on       date not null,
    unique (payer_body, idcs)
);
create index member_idcs on member (idcs);

-- A period in one regime. One regime at a time per person: a new enrolment ends the one before it.
create table enrolment (
    id             bigserial primary key,
    member_id      bigint not null references member (id),
    regime         text not null check (regime in ('SALARIED_PRIVATE', 'PUBLIC_SECTOR', 'SELF_EMPLOYED', 'TADAMON', 'ACHAMIL', 'STUDENT')),
    start_date     date not null,
    end_date       date,
    end_reason     text check (end_reason in ('CONDITIONS_ENDED', 'REGIME_CHANGE', 'DEATH')),
    waiting_waived boolean not null default false,
    check (end_date is null or end_date >= start_date),
    check ((end_date is null) = (end_reason is null))
);
create index enrolment_member on enrolment (member_id, start_date);

-- Working days declared for a salaried member per month (input data until contributions are collected here).
create table declared_days (
    member_id bigint not null references member (id),
    month     date not null check (extract(day from month) = 1),
    days      int not null check (days between 0 and 31),
    primary key (member_id, month)
);

-- Periods in which rights are suspended (e.g. an Achamil payment missing), end date null while it lasts.
create table rights_suspension (
    id           bigserial primary key,
    enrolment_id bigint not null references enrolment (id),
    start_date   date not null,
    end_date     date,
    reason       text not null,
    check (end_date is null or end_date >= start_date)
);
create index rights_suspension_enrolment on rights_suspension (enrolment_id);

-- Ayants droit: spouse(s) and children attached to one member for a period.
create table dependant (
    id            bigserial primary key,
    member_id     bigint not null references member (id),
    idcs          text not null references person (idcs),
    relation      text not null check (relation in ('SPOUSE', 'CHILD')),
    start_date    date not null,
    end_date      date,
    end_reason    text check (end_reason in ('DIVORCE', 'OTHER')),
    student_until date,
    disabled      boolean not null default false,
    check (end_date is null or end_date >= start_date),
    check ((end_date is null) = (end_reason is null))
);
create index dependant_idcs on dependant (idcs);
create index dependant_member on dependant (member_id);

-- Answers of Tadamon targeting and Achamil registration, with the figures they were based on.
create table targeting_decision (
    id           bigserial primary key,
    programme    text not null check (programme in ('TADAMON', 'ACHAMIL')),
    household_id text,
    idcs         text,
    decided_on   date not null,
    outcome      text not null check (outcome in ('REGISTERED', 'REJECTED')),
    reason       text not null,
    score        numeric(12, 7),
    threshold    numeric(12, 7),
    member_id    bigint references member (id),
    decided_at   timestamptz not null default now()
);
