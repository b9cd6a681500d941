-- Amounts found paid too much on a paid claim (indus), owed back by the payee of the transfer that paid it and
-- recovered from that payee's next transfers of the same payer body. OPEN until recovered whole (RECOVERED) or
-- written off by finance (CANCELLED, with the reason).
create table overpayment (
    id            bigserial primary key,
    payer_body    text not null,
    payee_kind    text not null check (payee_kind in ('MEMBER', 'ESTABLISHMENT')),
    payee         text not null,
    claim_id      bigint not null,
    batch_id      bigint not null references payment_batch (id),
    amount        numeric(14, 2) not null check (amount > 0),
    recovered     numeric(14, 2) not null default 0 check (recovered >= 0 and recovered <= amount),
    reason        text not null,
    found_by      text not null,
    found_at      timestamptz not null,
    status        text not null default 'OPEN' check (status in ('OPEN', 'RECOVERED', 'CANCELLED')),
    closed_at     timestamptz,
    cancelled_by  text,
    cancel_reason text,
    -- The fact delivered again after a crash records nothing more.
    unique (claim_id, found_at)
);
create index overpayment_open on overpayment (payer_body, payee_kind, payee, id) where status = 'OPEN';
create index overpayment_payee on overpayment (payee, id);

-- Each netting of an overpayment against a transfer: a line of the payee's statements. Released (and the amount owed
-- again) when the batch is cancelled or the bank rejects the transfer: nothing was then recovered.
create table overpayment_recovery (
    id             bigserial primary key,
    overpayment_id bigint not null references overpayment (id),
    batch_id       bigint not null references payment_batch (id),
    payee_kind     text not null,
    payee          text not null,
    amount         numeric(14, 2) not null check (amount > 0),
    released_at    timestamptz
);
create index overpayment_recovery_transfer on overpayment_recovery (batch_id, payee_kind, payee);
create index overpayment_recovery_overpayment on overpayment_recovery (overpayment_id);

-- A transfer's amount is what its claims cover less what is recovered from it; one recovered whole leaves nothing to
-- send (NETTED) and is not in the bank file.
alter table payment_order add column recovered numeric(14, 2) not null default 0;
alter table payment_order drop constraint payment_order_status_check;
alter table payment_order add constraint payment_order_status_check
    check (status in ('SENT', 'SETTLED', 'REJECTED', 'NETTED'));
