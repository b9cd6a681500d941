-- Therapeutic protocols (issue 18, point 5): for a long-term condition (ALD), effective-dated versions listing the
-- care an exemption covers: acts (a tariff code or a key letter), examinations and medicines (by DCI), each with a
-- frequency (a count per calendar month, quarter or year). A regulator proposes a version, another approves it
-- (maker-checker); the version in force on a date of care is the approved one of the condition with the latest start
-- on or before that date and not ended before it.
create table protocol_version (
    id             bigserial primary key,
    condition      int not null references long_term_condition (code),
    version        int not null check (version > 0),
    effective_from date not null,
    effective_until date,
    source         text not null,
    status         text not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    proposed_by    text not null,
    proposed_at    timestamptz not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    unique (condition, version),
    check (effective_until is null or effective_until >= effective_from),
    check (decided_by is null or decided_by <> proposed_by)
);
create unique index protocol_version_approved on protocol_version (condition, effective_from) where status = 'APPROVED';
create index protocol_version_proposed on protocol_version (status, proposed_at);

create table protocol_item (
    version_id bigint not null references protocol_version (id),
    position   int not null check (position > 0),
    kind       text not null check (kind in ('ACT', 'EXAMINATION', 'MEDICINE')),
    code       text not null,
    label      text not null,
    max_count  int not null check (max_count between 1 and 999),
    period     text not null check (period in ('MONTH', 'QUARTER', 'YEAR')),
    primary key (version_id, position),
    unique (version_id, kind, code)
);

-- The demo's protocols: no published ANAM protocol text is among the project's sources (amo-rules.md), so these three
-- are built from the data the platform has (the TNR 2006 acts and key letters, the DCIs of the medicines sample) and the
-- usual follow-up of each condition; they take effect on 1 January 2024 and say so in their source.
insert into protocol_version (id, condition, version, effective_from, source, status, proposed_by, decided_by, decided_at) values
  (1, 9, 1, '2024-01-01', 'Protocole de démonstration du 01/01/2024 (suivi usuel du diabète; actes TNR 2006, DCI du GMR)', 'APPROVED', 'demo-regulator', 'demo-regulator-checker', '2024-01-01'),
  (2, 14, 1, '2024-01-01', 'Protocole de démonstration du 01/01/2024 (suivi usuel de l''hypertension artérielle sévère; actes TNR 2006, DCI du GMR)', 'APPROVED', 'demo-regulator', 'demo-regulator-checker', '2024-01-01'),
  (3, 17, 1, '2024-01-01', 'Protocole de démonstration du 01/01/2024 (suivi usuel de l''insuffisance rénale chronique terminale; actes TNR 2006, DCI du GMR)', 'APPROVED', 'demo-regulator', 'demo-regulator-checker', '2024-01-01');
select setval('protocol_version_id_seq', 3);

insert into protocol_item (version_id, position, kind, code, label, max_count, period) values
  (1, 1, 'ACT', 'C', 'Consultation du généraliste', 3, 'QUARTER'),
  (1, 2, 'ACT', 'Cs', 'Consultation du spécialiste (endocrinologue)', 4, 'YEAR'),
  (1, 3, 'EXAMINATION', 'B', 'Biologie: glycémie, HbA1c, bilan lipidique et rénal', 2, 'QUARTER'),
  (1, 4, 'ACT', 'CsC', 'Consultation de cardiologie avec ECG', 1, 'YEAR'),
  (1, 5, 'MEDICINE', 'METFORMINE', 'Metformine', 1, 'MONTH'),
  (1, 6, 'MEDICINE', 'GLICLAZIDE', 'Gliclazide', 1, 'MONTH'),
  (1, 7, 'MEDICINE', 'INSULINE HUMAINE', 'Insuline humaine', 2, 'MONTH'),
  (2, 1, 'ACT', 'C', 'Consultation du généraliste', 2, 'QUARTER'),
  (2, 2, 'ACT', 'CsC', 'Consultation de cardiologie avec ECG', 2, 'YEAR'),
  (2, 3, 'EXAMINATION', 'B', 'Biologie: kaliémie, créatininémie, bilan lipidique', 2, 'YEAR'),
  (2, 4, 'MEDICINE', 'AMLODIPINE', 'Amlodipine', 1, 'MONTH'),
  (2, 5, 'MEDICINE', 'LOSARTAN', 'Losartan', 1, 'MONTH'),
  (2, 6, 'MEDICINE', 'LOSARTAN / HYDROCHLOROTHIAZIDE', 'Losartan et hydrochlorothiazide', 1, 'MONTH'),
  (2, 7, 'MEDICINE', 'FUROSEMIDE', 'Furosémide', 1, 'MONTH'),
  (3, 1, 'ACT', 'Cs', 'Consultation du néphrologue', 1, 'MONTH'),
  (3, 2, 'EXAMINATION', 'B', 'Biologie: urée, créatinine, ionogramme, NFS', 2, 'MONTH'),
  (3, 3, 'EXAMINATION', 'Z', 'Imagerie: échographie rénale', 1, 'YEAR'),
  (3, 4, 'MEDICINE', 'FUROSEMIDE', 'Furosémide', 1, 'MONTH'),
  (3, 5, 'MEDICINE', 'AMLODIPINE', 'Amlodipine', 1, 'MONTH');
