-- A transfer goes to the payee's bank account on the day the batch is made, copied onto the order (encrypted) so
-- that the bank file says where the money went even after the payee changes account. Orders of batches made before
-- accounts were recorded have none.
alter table payment_order add column rib text, add column bank_code char(3);

-- The payees a batch held back, with why: their claims stay approved and unpaid, and the next batch takes them once
-- the reason is gone (never paid to a guessed account).
create table payment_batch_hold (
    batch_id    bigint not null references payment_batch (id),
    payee_kind  text not null check (payee_kind in ('MEMBER', 'ESTABLISHMENT')),
    payee       text not null,
    claims      int not null,
    amount      numeric(14, 2) not null,
    reason      text not null,
    checked_on  date not null,
    primary key (batch_id, payee_kind, payee)
);
