-- Therapeutic protocols (issue 18, point 5): for a long-term condition (ALD), effective-dated versions listing the
-- care an exemption covers: acts (a tariff code or a key letter), examinations and medicines (by DCI), each with a
-- frequency (a count per calendar month, quarter or year). A regulator proposes a version, another approves it
-- (maker-checker); the version in force on a date of care is the approved one of the condition with the latest start
-- on or before that date and not ended before it.
create table protocol_version (
    id             bigserial primary key,
    condition      int not null references long_term_condition (code),
    version        int not null check (version > 0),
    effective_from date not null,
    effective_until date,
    source         text not null,
    status         text not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by    text not null,
    proposed_at    timestamptz not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    unique (condition, version),
    check (effective_until is null or effective_until >= effective_from),
    check (decided_by is null or decided_by <> proposed_by)
);
create unique index protocol_version_approved on protocol_version (condition, effective_from) where status = 'APPROVED';
create index protocol_version_proposed on protocol_version (status, proposed_at);

create table protocol_item (
    version_id bigint not null references protocol_version (id),
    position   int not null check (position > 0),
    kind       text not null check (kind in ('ACT', 'EXAMINATION', 'MEDICINE')),
    code       text not null,
    label      text not null,
    max_count  int not null check (max_count between 1 and 999),
    period     text not null check (period in ('MONTH', 'QUARTER', 'YEAR')),
    primary key (version_id, position),
    unique (version_id, kind, code)
);
