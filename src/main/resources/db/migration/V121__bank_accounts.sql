-- The bank accounts payments are sent to: a member's (the holder of the rights, paid for member claims) and an
-- establishment's (paid in tiers payant). Rows are never changed: a new account, or a correction, is a new row from
-- its date, and the account of a payee on a day is the last one recorded from that day or before (amo-rules.md,
-- "Bank accounts"). The number is personal data: kept encrypted (FieldCipher); the
-- bank code stays readable for the transfer files grouped by bank.
create table bank_account (
    id           bigserial primary key,
    payee_kind   text not null check (payee_kind in ('MEMBER', 'ESTABLISHMENT')),
    payee        text not null check (length(payee) <= 20),
    rib          text not null,
    bank_code    char(3) not null,
    valid_from   date not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);

create index bank_account_payee on bank_account (payee_kind, payee, valid_from desc, id desc);
