-- Versions of the medicines referential (GMR): proposed by one agent, published by another, in force from a date.
create table medicine_referential (
    id             bigserial primary key,
    effective_from date not null,
    status         text not null check (status in ('PROPOSED', 'PUBLISHED', 'REJECTED')),
    file_name      text not null,
    medicines      int not null,
    proposed_by    text not null,
    proposed_at    timestamptz not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    check (decided_by is null or decided_by <> proposed_by)
);
create unique index medicine_referential_published on medicine_referential (effective_from) where status = 'PUBLISHED';

create table medicine (
    referential_id     bigint not null references medicine_referential (id),
    code               text not null check (code ~ '^[0-9]{13}$'),
    name               text not null,
    dci                text not null,
    dosage             text not null,
    form               text not null,
    presentation       text not null,
    ppv                numeric(12, 2) not null check (ppv >= 0),
    ph                 numeric(12, 2) check (ph >= 0),
    prix_br            numeric(12, 2) not null check (prix_br >= 0),
    brand_or_generic   char(1) not null check (brand_or_generic in ('P', 'G')),
    reimbursement_rate int not null check (reimbursement_rate between 0 and 100),
    therapeutic_class  text,
    primary key (referential_id, code)
);
-- Generic groups: same DCI, dosage, form and presentation (box), so that prices compare.
create index medicine_group on medicine (referential_id, dci, dosage, form, presentation);

insert into parameter (name, kind, description, source) values
  ('medicines.base-rule.CNSS', 'TEXT', 'Reimbursement base where generics exist: CLOSEST_GENERIC (generic priced closest to the brand), MOST_EXPENSIVE_GENERIC, or OWN_PRICE', 'amo-rules.md'),
  ('medicines.base-rule.CNOPS', 'TEXT', 'Reimbursement base where generics exist: CLOSEST_GENERIC, MOST_EXPENSIVE_GENERIC or OWN_PRICE', 'amo-rules.md'),
  ('medicines.price.CNSS', 'TEXT', 'Price column the payer reimburses on: PRIX_BR or PPV', 'amo-rules.md'),
  ('medicines.price.CNOPS', 'TEXT', 'Price column the payer reimburses on: PRIX_BR or PPV', 'amo-rules.md');
insert into parameter_value (name, effective_from, value) values
  ('medicines.base-rule.CNSS', '2005-09-01', 'CLOSEST_GENERIC'),
  ('medicines.base-rule.CNOPS', '2005-09-01', 'MOST_EXPENSIVE_GENERIC'),
  ('medicines.price.CNSS', '2005-09-01', 'PRIX_BR'),
  ('medicines.price.CNOPS', '2005-09-01', 'PPV');
