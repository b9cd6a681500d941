-- The national reference tariff (TNR) by version: key-letter values and acts. A version is proposed by one agent and
-- published by another; the version in force on a date is the latest published one taking effect on or before it.
create table tariff_version (
    id             bigserial primary key,
    name           text not null,
    effective_from date not null,
    status         text not null check (status in ('PROPOSED', 'PUBLISHED', 'REJECTED')),
    note           text,
    proposed_by    text not null,
    proposed_at    timestamptz not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    check (decided_by is null or decided_by <> proposed_by)
);
create unique index tariff_version_published on tariff_version (effective_from) where status = 'PUBLISHED';

-- Value of a key letter in a version; payer body or sector null means "all". A null value is a letter whose value
-- is not known yet (B, SF, AMI in 2006): acts on it cannot be priced until a version gives one.
create table key_letter_value (
    version_id bigint not null references tariff_version (id),
    letter     text not null,
    label      text not null,
    payer_body text check (payer_body in ('CNSS', 'CNOPS')),
    sector     text check (sector in ('PUBLIC', 'PRIVATE')),
    value      numeric(12, 2) check (value >= 0),
    unique nulls not distinct (version_id, letter, payer_body, sector)
);

-- Acts of the nomenclature: a key letter and a coefficient (the line may give its own coefficient for acts coded by
-- their letter alone), the care category that sets the coverage rate, whether prior approval is needed, whether the
-- act is excluded from cover.
create table act (
    version_id     bigint not null references tariff_version (id),
    code           text not null,
    label          text not null,
    key_letter     text not null,
    coefficient    numeric(8, 2),
    care_category  text not null check (care_category in ('AMBULATORY', 'HOSPITALISATION', 'DENTAL', 'MATERNITY', 'BIOLOGY', 'IMAGING', 'PARAMEDICAL')),
    prior_approval boolean not null default false,
    excluded       boolean not null default false,
    primary key (version_id, code)
);

-- Coverage rates by regime, care category, sector and exemption (ALD), effective-dated.
create table coverage_rate (
    regime         text not null,
    care_category  text not null,
    sector         text check (sector in ('PUBLIC', 'PRIVATE')),
    exempted       boolean not null,
    effective_from date not null,
    rate_percent   int not null check (rate_percent between 0 and 100),
    source         text,
    unique nulls not distinct (regime, care_category, sector, exempted, effective_from)
);

insert into tariff_version (id, name, effective_from, status, note, proposed_by, decided_by, decided_at) values
  (1, 'TNR convention nationale 2006', '2006-09-01', 'PUBLISHED', 'fr.scribd.com/document/454126061; maghress.com/fr/lavieeco/10107', 'convention-2006', 'ANAM', '2006-09-01'),
  (2, 'Conventions CNSS 2020 (jamais appliquées)', '2027-01-01', 'PROPOSED', 'Values of the 2020 CNSS conventions, never applied (lavieeco.com): kept as a future version awaiting a decision', 'convention-2020', null, null);
select setval('tariff_version_id_seq', 2);

insert into key_letter_value (version_id, letter, label, value) values
  (1, 'C', 'Consultation du médecin généraliste', 80), (1, 'Cs', 'Consultation du spécialiste', 150),
  (1, 'CNPSY', 'Consultation du psychiatre', 190), (1, 'V', 'Visite du généraliste', 120),
  (1, 'Vs', 'Visite du spécialiste', 190), (1, 'VNPSY', 'Visite du psychiatre', 190),
  (1, 'CsC', 'Consultation de cardiologie avec ECG', 190), (1, 'P', 'Anatomie pathologique', 1.10),
  (1, 'Z', 'Radiologie', 10), (1, 'K', 'Actes de chirurgie et de spécialité', 22.50),
  (1, 'AMM', 'Séance de kinésithérapie', 50), (1, 'AMY', 'Séance d''orthoptie', 50),
  (1, 'AMO', 'Séance d''orthophonie', 50), (1, 'D', 'Soins dentaires', 17.50),
  (1, 'DP', 'Prothèse dentaire', 12.50), (1, 'B', 'Biologie', null), (1, 'SF', 'Sage-femme', null),
  (1, 'AMI', 'Soins infirmiers', null),
  (2, 'C', 'Consultation du médecin généraliste', 150), (2, 'Cs', 'Consultation du spécialiste', 250),
  (2, 'CNPSY', 'Consultation du psychiatre', 190), (2, 'V', 'Visite du généraliste', 120),
  (2, 'Vs', 'Visite du spécialiste', 190), (2, 'VNPSY', 'Visite du psychiatre', 190),
  (2, 'CsC', 'Consultation de cardiologie avec ECG', 190), (2, 'P', 'Anatomie pathologique', 1.10),
  (2, 'Z', 'Radiologie', 10), (2, 'K', 'Actes de chirurgie et de spécialité', 22.50),
  (2, 'AMM', 'Séance de kinésithérapie', 50), (2, 'AMY', 'Séance d''orthoptie', 50),
  (2, 'AMO', 'Séance d''orthophonie', 50), (2, 'D', 'Soins dentaires', 17.50),
  (2, 'DP', 'Prothèse dentaire', 12.50), (2, 'B', 'Biologie', null), (2, 'SF', 'Sage-femme', null),
  (2, 'AMI', 'Soins infirmiers', null);

-- Acts named by the rules' sources; other acts are coded by their key letter, the coefficient on the claim line.
insert into act (version_id, code, label, key_letter, coefficient, care_category, prior_approval, excluded)
select v.id, a.code, a.label, a.key_letter, a.coefficient, a.care_category, a.prior_approval, a.excluded
from (values (1), (2)) v(id) cross join (values
  ('C', 'Consultation du généraliste', 'C', 1.00, 'AMBULATORY', false, false),
  ('Cs', 'Consultation du spécialiste', 'Cs', 1.00, 'AMBULATORY', false, false),
  ('CNPSY', 'Consultation du psychiatre', 'CNPSY', 1.00, 'AMBULATORY', false, false),
  ('CsC', 'Consultation de cardiologie avec ECG', 'CsC', 1.00, 'AMBULATORY', false, false),
  ('V', 'Visite du généraliste', 'V', 1.00, 'AMBULATORY', false, false),
  ('Vs', 'Visite du spécialiste', 'Vs', 1.00, 'AMBULATORY', false, false),
  ('VNPSY', 'Visite du psychiatre', 'VNPSY', 1.00, 'AMBULATORY', false, false),
  ('K', 'Acte de chirurgie ou de spécialité (coefficient sur la ligne)', 'K', null, 'AMBULATORY', false, false),
  ('Z', 'Acte de radiologie (coefficient sur la ligne)', 'Z', null, 'IMAGING', false, false),
  ('P', 'Acte d''anatomie pathologique (coefficient sur la ligne)', 'P', null, 'BIOLOGY', false, false),
  ('B', 'Acte de biologie (coefficient sur la ligne)', 'B', null, 'BIOLOGY', false, false),
  ('AMM', 'Séance de kinésithérapie', 'AMM', 1.00, 'PARAMEDICAL', true, false),
  ('AMY', 'Séance d''orthoptie', 'AMY', 1.00, 'PARAMEDICAL', true, false),
  ('AMO', 'Séance d''orthophonie', 'AMO', 1.00, 'PARAMEDICAL', true, false),
  ('D', 'Soins dentaires (coefficient sur la ligne)', 'D', null, 'DENTAL', false, false),
  ('DP', 'Prothèse dentaire (coefficient sur la ligne)', 'DP', null, 'DENTAL', false, false),
  ('APPENDICECTOMIE', 'Appendicectomie', 'K', 70.00, 'HOSPITALISATION', true, false),
  ('HERNIE', 'Cure de hernie', 'K', 82.00, 'HOSPITALISATION', true, false),
  ('ACCOUCHEMENT', 'Accouchement', 'K', 100.00, 'MATERNITY', true, false),
  ('ACUPUNCTURE', 'Acupuncture', 'K', null, 'AMBULATORY', false, true),
  ('MESOTHERAPIE', 'Mésothérapie', 'K', null, 'AMBULATORY', false, true),
  ('CHIRURGIE_ESTHETIQUE', 'Chirurgie esthétique', 'K', null, 'HOSPITALISATION', false, true)
) a(code, label, key_letter, coefficient, care_category, prior_approval, excluded);

-- Coverage rates (amo-rules.md, "What is reimbursed"): CNSS regimes 70 %, 90 % with an ALD exemption; CNOPS 80 %
-- ambulatory, 90 % hospital (100 % in public hospitals), 100 % with an exemption.
insert into coverage_rate (regime, care_category, sector, exempted, effective_from, rate_percent, source)
select r.regime, c.category, null, e.exempted, '2005-09-01',
       case when e.exempted then 90 else 70 end, 'cnss.ma; amo-rules.md'
from (values ('SALARIED_PRIVATE'), ('SELF_EMPLOYED'), ('TADAMON'), ('ACHAMIL'), ('STUDENT')) r(regime)
cross join (values ('AMBULATORY'), ('HOSPITALISATION'), ('DENTAL'), ('MATERNITY'), ('BIOLOGY'), ('IMAGING'), ('PARAMEDICAL'), ('MEDICINES')) c(category)
cross join (values (false), (true)) e(exempted);
insert into coverage_rate (regime, care_category, sector, exempted, effective_from, rate_percent, source)
select 'PUBLIC_SECTOR', c.category, null, e.exempted, '2005-09-01',
       case when e.exempted then 100 when c.category in ('HOSPITALISATION', 'MATERNITY') then 90
            when c.category = 'MEDICINES' then 70 else 80 end, 'cnops.org.ma; amo-rules.md'
from (values ('AMBULATORY'), ('HOSPITALISATION'), ('DENTAL'), ('MATERNITY'), ('BIOLOGY'), ('IMAGING'), ('PARAMEDICAL'), ('MEDICINES')) c(category)
cross join (values (false), (true)) e(exempted);
insert into coverage_rate (regime, care_category, sector, exempted, effective_from, rate_percent, source) values
  ('PUBLIC_SECTOR', 'HOSPITALISATION', 'PUBLIC', false, '2005-09-01', 100, 'amo-rules.md'),
  ('PUBLIC_SECTOR', 'MATERNITY', 'PUBLIC', false, '2005-09-01', 100, 'amo-rules.md');
