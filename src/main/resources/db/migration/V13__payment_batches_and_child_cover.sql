-- Payment batches: approved claims paid by their payer body, grouped into one transfer per payee (the member who
-- holds the rights for a member's claim, the establishment for a provider invoice). A claim is paid in one batch only.
alter table claim add column payer_body text check (payer_body in ('CNSS', 'CNOPS'));
alter table claim add column member_idcs text;
alter table claim add column decided_at timestamptz;
-- Claims decided before this migration: their last event is the decision.
update claim c set decided_at = (select max(at) from claim_event e where e.claim_id = c.id)
where status in ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED');
update claim set payer_body = case when regime = 'PUBLIC_SECTOR' then 'CNOPS' else 'CNSS' end where regime is not null;
create index claim_payable on claim (payer_body, decided_at) where status in ('APPROVED', 'PARTIALLY_APPROVED');

create table payment_batch (
    id              bigserial primary key,
    reference       text not null unique,
    payer_body      text not null check (payer_body in ('CNSS', 'CNOPS')),
    cut_off         date not null,
    created_by      text not null,
    idempotency_key text not null,
    created_at      timestamptz not null default now(),
    claims          int not null,
    paid            numeric(16, 2) not null,
    state_share     numeric(16, 2) not null,
    unique (created_by, idempotency_key)
);

create table payment_order (
    batch_id    bigint not null references payment_batch (id),
    payee_kind  text not null check (payee_kind in ('MEMBER', 'ESTABLISHMENT')),
    payee       text not null,
    claims      int not null,
    amount      numeric(14, 2) not null,
    state_share numeric(14, 2) not null,
    primary key (batch_id, payee_kind, payee)
);

create table payment_batch_claim (
    claim_id    bigint primary key references claim (id),
    batch_id    bigint not null references payment_batch (id),
    payee_kind  text not null,
    payee       text not null,
    amount      numeric(14, 2) not null,
    state_share numeric(14, 2) not null
);
create index payment_batch_claim_batch on payment_batch_claim (batch_id);

-- A child aged 12 or under is covered for all benefits: the categories a regime leaves out for adults (NONE since
-- every regime covers the whole tariff) do not apply to a child.
insert into parameter (name, kind, description, source) values
  ('claims.child-cover.age', 'INTEGER', 'Children up to this age (years completed) are covered for all benefits', 'amo-rules.md, "What is reimbursed"'),
  ('claims.adult-cover.excluded-categories', 'TEXT', 'Care categories a regime leaves out for adults without an ALD exemption: REGIME:CATEGORY pairs separated by semicolons, or NONE', 'amo-rules.md, "What is reimbursed"');
insert into parameter_value (name, effective_from, value) values
  ('claims.child-cover.age', '2005-09-01', '12'),
  ('claims.adult-cover.excluded-categories', '2005-09-01', 'NONE');

-- The agents' work lists: claims by status, oldest first.
create index claim_status on claim (status, id);

-- What came with a claim (the documents stay with the submitter): prescription, invoices, reports.
create table claim_attachment (
    claim_id      bigint not null references claim (id),
    attachment_no int not null,
    type          text not null check (type in ('PRESCRIPTION', 'INVOICE', 'MEDICAL_REPORT', 'LAB_RESULTS',
                    'IMAGING_REPORT', 'OTHER')),
    file_name     text,
    pages         int check (pages >= 1),
    reference     text,
    primary key (claim_id, attachment_no)
);
