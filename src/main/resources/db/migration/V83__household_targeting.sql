-- The Interior ministry's household files are imported like the registers' extracts.
alter table import_job drop constraint import_job_kind_check;
alter table import_job add constraint import_job_kind_check check (kind in ('RNP', 'RSU', 'HOUSEHOLD'));

-- Households that applied for Tadamon, as the Interior ministry sends them: one row per member with their relation to
-- the head. A person applies within one household only.
create table household_member (
    household_id  text not null,
    idcs          text not null check (idcs ~ '^[0-9]{10}$'),
    relation      text not null check (relation in ('HEAD', 'SPOUSE', 'CHILD')),
    applied_on    date not null,
    import_job_id bigint not null references import_job (id),
    primary key (household_id, idcs)
);
create unique index household_member_idcs on household_member (idcs);
create index household_member_head on household_member (household_id) where relation = 'HEAD';

-- The households each file named: its answer file lists them all, those a re-sent file left unchanged included.
create table household_file_entry (
    import_job_id bigint not null references import_job (id),
    household_id  text not null,
    primary key (import_job_id, household_id)
);

-- One targeting pass: after a household file, after an RSU extract, or after a change of the Tadamon threshold.
create table targeting_run (
    id             bigserial primary key,
    cause          text not null check (cause in ('HOUSEHOLD_FILE', 'RSU_EXTRACT', 'THRESHOLD_CHANGE')),
    import_job_id  bigint references import_job (id),
    evaluated_on   date,
    threshold      numeric(12, 7),
    status         text not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    registered     integer not null default 0,
    rejected       integer not null default 0,
    left_tadamon   integer not null default 0,
    rights_event_id bigint references rights_event (id),
    message        text,
    started_at     timestamptz not null default now(),
    finished_at    timestamptz
);
-- A file is targeted once, even when its event is delivered again.
create unique index targeting_run_job on targeting_run (cause, import_job_id) where import_job_id is not null;

-- The answer in force for each household that applied: registered, rejected with the reason, or left Tadamon when
-- its score crossed the threshold.
create table household_decision (
    household_id    text primary key,
    outcome         text not null check (outcome in ('REGISTERED', 'REJECTED', 'LEFT')),
    reason_code     text not null check (reason_code in ('SCORE_BELOW_THRESHOLD', 'NOT_IN_RSU',
                      'SCORE_NOT_BELOW_THRESHOLD', 'COVERED_BY_OTHER_REGIME', 'UNKNOWN_PERSON', 'SCORE_CROSSED_THRESHOLD')),
    reason          text not null,
    score           numeric(12, 7),
    threshold       numeric(12, 7),
    decided_on      date not null,
    member_id       bigint references member (id),
    targeting_run_id bigint not null references targeting_run (id),
    changed_at      timestamptz not null default now()
);
create index household_decision_run on household_decision (targeting_run_id);

-- An Achamil offer made to a member whose Tadamon period ended because the household's score crossed the threshold.
create table achamil_offer (
    id               bigserial primary key,
    household_id     text not null,
    idcs             text not null references person (idcs),
    member_id        bigint not null references member (id),
    offered_on       date not null,
    score            numeric(12, 7) not null,
    monthly_amount   numeric(10, 2) not null,
    tadamon_ends_on  date not null,
    targeting_run_id bigint not null references targeting_run (id),
    unique (idcs, tadamon_ends_on)
);
create index achamil_offer_household on achamil_offer (household_id);
