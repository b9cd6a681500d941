-- Changes the regulator makes to the provider directory's conventions and statuses: proposed by one regulator account,
-- applied when another approves them (maker-checker), or rejected with a reason.
create table referential_change (
    id             bigserial primary key,
    kind           text not null check (kind in ('CONVENTION', 'PROVIDER_STATUS')),
    inpe           text not null check (inpe ~ '^[0-9]{9}$'),
    payer_body     text check (payer_body in ('CNSS', 'CNOPS')),
    start_date     date,
    end_date       date,
    status_to      text check (status_to in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    reason         text,
    status         text not null check (status in ('PROPOSED', 'APPLIED', 'REJECTED')),
    proposed_by    text not null,
    proposed_at    timestamptz not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    check (decided_by is null or decided_by <> proposed_by),
    check (kind <> 'CONVENTION' or (payer_body is not null and start_date is not null)),
    check (kind <> 'PROVIDER_STATUS' or (status_to is not null and start_date is not null))
);
create index referential_change_proposed on referential_change (status, proposed_at);
