-- Health professionals and establishments, identified by their INPE, with their convention and status periods.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Accent- and case-folded text for directory search; unaccent itself is not immutable, so it cannot be indexed.
create function folded(text) returns text language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- INPE: eight digits from this sequence then a Luhn check digit.
create sequence inpe_number start 10000001;

create table establishment (
    inpe                     text primary key check (inpe ~ '^[0-9]{9}$'),
    name                     text not null,
    category                 text not null,
    sector                   text not null check (sector in ('PUBLIC', 'PRIVATE')),
    region                   text not null,
    province                 text not null,
    commune                  text not null,
    territorial_health_group text,
    unique (sector, region, province, commune, name, category)
);
create index establishment_name_search on establishment using gin (folded(name) gin_trgm_ops);
create index establishment_commune on establishment (folded(commune));
create index establishment_category on establishment (category);

create table professional (
    inpe       text primary key check (inpe ~ '^[0-9]{9}$'),
    last_name  text not null,
    first_name text not null,
    profession text not null check (profession in ('GENERAL_PRACTITIONER', 'SPECIALIST', 'DENTIST', 'PHARMACIST',
        'PHYSIOTHERAPIST', 'NURSE', 'MIDWIFE', 'SPEECH_THERAPIST', 'ORTHOPTIST', 'BIOLOGIST', 'RADIOLOGIST', 'OPTICIAN')),
    specialty  text,
    region     text not null,
    province   text not null,
    commune    text not null,
    check ((profession = 'SPECIALIST') = (specialty is not null))
);
create index professional_name_search on professional using gin (folded(last_name || ' ' || first_name) gin_trgm_ops);
create index professional_specialty on professional (specialty);

-- Where a professional practises, for a period.
create table practice (
    professional_inpe  text not null references professional (inpe),
    establishment_inpe text not null references establishment (inpe),
    start_date         date not null,
    end_date           date,
    primary key (professional_inpe, establishment_inpe, start_date)
);
create index practice_establishment on practice (establishment_inpe);

-- Convention with a payer body for a period (tiers payant is only for providers under convention).
create table convention (
    inpe       text not null,
    payer_body text not null check (payer_body in ('CNSS', 'CNOPS')),
    start_date date not null,
    end_date   date,
    primary key (inpe, payer_body, start_date),
    check (end_date is null or end_date >= start_date)
);

-- Status history: the status in force on a date is the latest one dated on or before it.
create table provider_status (
    inpe           text not null,
    status         text not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    effective_from date not null,
    reason         text,
    primary key (inpe, effective_from)
);

