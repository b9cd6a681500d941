-- The national population register (RNP) as imported from its extracts: one row per IDCS.
create table person (
    idcs           text primary key check (idcs ~ '^[0-9]{10}$'),
    cin            text,
    last_name      text not null,
    first_name     text not null,
    last_name_ar   text,
    first_name_ar  text,
    birth_date     date not null,
    sex            char(1) not null check (sex in ('M', 'F')),
    commune        text not null,
    province       text not null,
    region         text not null,
    death_date     date,
    import_job_id  bigint
);
create unique index person_cin on person (cin) where cin is not null;
create index person_name on person (last_name, first_name);

-- Socio-economic scores of the unified social register (RSU): one row per member and score date, so the
-- history of scores is kept and the score in force on a date is the latest one on or before it.
create table rsu_score (
    idcs          text not null references person (idcs),
    household_id  text not null,
    score         numeric(12, 7) not null,
    score_date    date not null,
    import_job_id bigint,
    primary key (idcs, score_date)
);
create index rsu_score_household on rsu_score (household_id, score_date);

create table import_job (
    id             bigserial primary key,
    kind           text not null check (kind in ('RNP', 'RSU')),
    file_name      text not null,
    mode           text not null check (mode in ('ALL_OR_NOTHING', 'KEEP_VALID')),
    status         text not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    phase          text,
    total_bytes    bigint not null,
    bytes_read     bigint not null default 0,
    rows_read      bigint not null default 0,
    rows_rejected  bigint not null default 0,
    rows_inserted  bigint not null default 0,
    rows_updated   bigint not null default 0,
    rows_unchanged bigint not null default 0,
    message        text,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);

-- The rejected-rows report of a job; kept even when the job failed and imported nothing.
create table import_rejection (
    job_id  bigint not null references import_job (id) on delete cascade,
    line    bigint not null,
    field   text not null,
    reason  text not null
);
create index import_rejection_job on import_rejection (job_id, line);
