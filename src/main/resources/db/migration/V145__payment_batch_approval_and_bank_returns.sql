-- Maker-checker: a batch is prepared by one finance account and approved by another before its bank file leaves;
-- a prepared batch may be cancelled, its claims released for the next batch. Batches made before this are approved
-- by their maker (they were paid at creation).
alter table payment_batch
    add column status text not null default 'APPROVED' check (status in ('PREPARED', 'APPROVED', 'CANCELLED')),
    add column approved_by text,
    add column approved_at timestamptz,
    add column cancelled_by text,
    add column cancelled_at timestamptz,
    add column exported_at timestamptz;
update payment_batch set approved_by = created_by, approved_at = created_at;
alter table payment_batch alter column status set default 'PREPARED';

-- What the bank said of each transfer: settled, or rejected with its ISO 20022 reason code.
alter table payment_order
    add column status text not null default 'SENT' check (status in ('SENT', 'SETTLED', 'REJECTED')),
    add column reason_code text,
    add column return_id bigint;

-- A claim is held by one batch at most, until that batch lets it go (cancelled, or its transfer rejected by the
-- bank): then a later batch takes it again, and the earlier row stays as the history.
alter table payment_batch_claim add column released_at timestamptz;
alter table payment_batch_claim drop constraint payment_batch_claim_pkey;
create unique index payment_batch_claim_held on payment_batch_claim (claim_id) where released_at is null;
create index payment_batch_claim_claim on payment_batch_claim (claim_id);

-- The bank return files imported (pain.002 status reports, camt.054 notifications): one import per file.
create table payment_return (
    id          bigserial primary key,
    format      text not null check (format in ('pain.002.001.10', 'camt.054.001.08')),
    message_id  text not null,
    sha256      char(64) not null unique,
    imported_by text not null,
    imported_at timestamptz not null default now(),
    settled     int not null,
    rejected    int not null,
    unique (format, message_id)
);
alter table payment_order add foreign key (return_id) references payment_return (id);
