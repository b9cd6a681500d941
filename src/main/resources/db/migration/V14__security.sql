-- People who log in (password hash, role and scope, second factor, failed attempts) and the systems of establishments
-- (OAuth2 client credentials bound to the establishment's INPE).
create table platform_user (
    username         text primary key,
    password_hash    text not null,
    role             text not null check (role in ('REGULATOR', 'PAYER_AGENT', 'MEDICAL_REVIEWER', 'FINANCE',
                       'PROVIDER', 'MEMBER', 'DATA_PROTECTION_OFFICER', 'ADMINISTRATOR')),
    payer_body       text check (payer_body in ('CNSS', 'CNOPS')),
    region           text,
    inpe             text,
    idcs             text,
    totp_secret      text,
    failed_attempts  int not null default 0,
    locked_until     timestamptz,
    enabled          boolean not null default true,
    created_at       timestamptz not null default now(),
    check (role <> 'PAYER_AGENT' or payer_body is not null),
    check (role <> 'PROVIDER' or inpe is not null),
    check (role <> 'MEMBER' or idcs is not null)
);

create table system_client (
    client_id     text primary key,
    secret_hash   text not null,
    inpe          text not null,
    name          text not null,
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);
create index system_client_inpe on system_client (inpe);
