-- ALD exemptions (accords ETM): granted to a person for one long-term condition after medical review, valid 5 years
-- (the condition's exemption_years) or for life (diabetes, hypertension), renewable, revocable. Claims for ALD care
-- cite the exemption number; the rate of an exemption applies only while it is valid on the date of care.
-- The condition is a diagnosis: stored encrypted (FieldCipher), so it has no foreign key and is checked on grant.
create sequence ald_exemption_number;
create table ald_exemption (
    number          text primary key,
    idcs            text not null references person (idcs),
    condition       text not null,
    valid_from      date not null,
    valid_until     date,
    granted_by      text not null,
    granted_at      timestamptz not null default now(),
    revoked_from    date,
    revocation      text,
    check (valid_until is null or valid_until >= valid_from),
    check (revoked_from is null or revoked_from >= valid_from)
);
create index ald_exemption_person on ald_exemption (idcs);

-- The ALD code and the exemption number of a claim tell a diagnosis: stored encrypted from now on (values written
-- before stay readable as they are).
alter table claim alter column ald_code type text using ald_code::text;
