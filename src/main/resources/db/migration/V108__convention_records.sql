-- Conventions as records (amo-rules.md, "Procedures and deadlines": tiers payant is for providers under convention).
-- A convention binds a payer body to a professional body (the national order of physicians, a dentists' or
-- pharmacists' federation...), to which each provider adheres, or to one establishment, which it covers alone. It
-- applies a published version of the reference tariff, is proposed by one regulator and signed off by another.
create table convention_record (
    id                 bigserial primary key,
    number             text not null unique check (number ~ '^[A-Za-z0-9-]{1,40}$'),
    title              text not null check (length(title) between 1 and 200),
    payer_body         text not null check (payer_body in ('CNSS', 'CNOPS')),
    professional_body  text,
    establishment_inpe text,
    tariff_version_id  bigint not null,
    start_date         date not null,
    end_date           date,
    signed_on          date not null,
    signatories        text not null check (length(signatories) between 1 and 500),
    status             text not null check (status in ('DRAFT', 'SIGNED')),
    proposed_by        text not null,
    proposed_at        timestamptz not null default now(),
    approved_by        text,
    approved_at        timestamptz,
    check ((professional_body is null) <> (establishment_inpe is null)),
    check (end_date is null or end_date >= start_date)
);
create index convention_record_establishment on convention_record (establishment_inpe, payer_body) where establishment_inpe is not null;

-- A provider's adherence to a convention with its professional body: covered from the adherence date up to the day
-- before the withdrawal.
create table convention_adherence (
    convention_id bigint not null references convention_record (id),
    inpe          text not null,
    adhered_on    date not null,
    withdrawn_on  date,
    recorded_by   text not null,
    primary key (convention_id, inpe, adhered_on),
    check (withdrawn_on is null or withdrawn_on > adhered_on)
);
create index convention_adherence_inpe on convention_adherence (inpe);

-- The conventions on record, and the directory's own convention periods (public establishments under the national
-- agreement since the AMO's start, clinics and practices recorded by administrators or through referential changes)
-- read as signed conventions of one provider with its payer body, numbered after the provider, body and start date.
create view convention_register as
select r.id, r.number, r.title, r.payer_body, r.professional_body, r.establishment_inpe, r.tariff_version_id,
       r.start_date, r.end_date, r.signed_on, r.signatories, r.status, r.proposed_by, r.approved_by, 'RECORD' as origin
from convention_record r
union all
select null, 'ANNUAIRE-' || c.inpe || '-' || c.payer_body || '-' || to_char(c.start_date, 'YYYYMMDD'),
       'Convention du prestataire ' || c.inpe || ' avec ' || c.payer_body, c.payer_body, null, c.inpe, null,
       c.start_date, c.end_date, c.start_date, 'Annuaire des prestataires', 'SIGNED', null, null, 'DIRECTORY'
from convention c;
