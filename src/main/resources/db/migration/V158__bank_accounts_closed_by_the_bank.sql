-- A bank's return saying an account is closed (ISO 20022 reason AC04) marks that account: the next batches hold its
-- payee back with the reason until a new account is recorded. The account's row itself is never changed.
create table bank_account_closure (
    account_id  bigint primary key references bank_account (id),
    reason_code text not null,
    return_id   bigint not null references payment_return (id),
    noted_on    date not null
);
