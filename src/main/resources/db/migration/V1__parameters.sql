-- Every threshold, delay and rate the rules read is data with an effective date, read at the date it applies to.
create table parameter (
    name        text primary key,
    kind        text not null check (kind in ('INTEGER', 'DECIMAL', 'TEXT')),
    description text not null,
    source      text
);

create table parameter_value (
    name           text not null references parameter (name),
    effective_from date not null,
    value          text not null,
    recorded_at    timestamptz not null default now(),
    primary key (name, effective_from)
);

insert into parameter (name, kind, description, source) values
  ('rights.salaried.waiting-days', 'INTEGER', 'Working days of declared contributions that open salaried rights', 'cnss.ma/fr/faq-page/45'),
  ('rights.salaried.waiting-window-months', 'INTEGER', 'Window (months) within which the waiting days must be declared', 'cnss.ma/fr/faq-page/45'),
  ('rights.keep-months.SALARIED_PRIVATE', 'INTEGER', 'Months rights are kept after salaried conditions stop', 'cnss.ma/fr/faq-page/45'),
  ('rights.keep-months.PUBLIC_SECTOR', 'INTEGER', 'Months rights are kept after public-sector conditions stop', 'amo-rules.md (no published figure: 0)'),
  ('rights.keep-months.SELF_EMPLOYED', 'INTEGER', 'Months rights are kept after self-employed conditions stop', 'amo-rules.md (no published figure: 0)'),
  ('rights.keep-months.TADAMON', 'INTEGER', 'Months rights are kept after Tadamon conditions stop', 'amo-rules.md (no published figure: 0)'),
  ('rights.keep-months.ACHAMIL', 'INTEGER', 'Months rights are kept after Achamil conditions stop', 'amo-rules.md (no published figure: 0)'),
  ('rights.keep-months.STUDENT', 'INTEGER', 'Months rights are kept after student conditions stop', 'amo-rules.md (no published figure: 0)'),
  ('rights.achamil.waiting-months', 'INTEGER', 'Achamil waiting period (months)', 'loi 60-22; lnt.ma'),
  ('rights.divorced-spouse.keep-months', 'INTEGER', 'Months a divorced spouse keeps cover', 'amo-rules.md'),
  ('rights.survivors.keep-months', 'INTEGER', 'Months a surviving spouse and children keep cover after the member''s death', 'amo-rules.md'),
  ('rights.child.age-limit', 'INTEGER', 'Age at which a child stops being a dependant (on the birthday)', 'loi 65-00 art. 5'),
  ('rights.child.student-age-limit', 'INTEGER', 'Age limit of an unmarried student child', 'loi 65-00 art. 5'),
  ('tadamon.rsu-threshold', 'DECIMAL', 'RSU score below which a household is eligible to Tadamon (default, unconfirmed)', 'decree 2-22-923'),
  ('achamil.bands', 'TEXT', 'Achamil monthly amounts by RSU score band: upper bound:amount pairs, the last amount, without bound, applies above. Default unconfirmed: the published table lists a 611 DH band whose upper bound is not published, so it is left for an administrator to add', 'lnt.ma; lebrief.ma');

insert into parameter_value (name, effective_from, value) values
  ('rights.salaried.waiting-days', '2005-09-01', '54'),
  ('rights.salaried.waiting-window-months', '2005-09-01', '6'),
  ('rights.keep-months.SALARIED_PRIVATE', '2005-09-01', '6'),
  ('rights.keep-months.PUBLIC_SECTOR', '2005-09-01', '0'),
  ('rights.keep-months.SELF_EMPLOYED', '2005-09-01', '0'),
  ('rights.keep-months.TADAMON', '2005-09-01', '0'),
  ('rights.keep-months.ACHAMIL', '2005-09-01', '0'),
  ('rights.keep-months.STUDENT', '2005-09-01', '0'),
  ('rights.achamil.waiting-months', '2005-09-01', '3'),
  ('rights.divorced-spouse.keep-months', '2005-09-01', '12'),
  ('rights.survivors.keep-months', '2005-09-01', '24'),
  ('rights.child.age-limit', '2005-09-01', '21'),
  ('rights.child.student-age-limit', '2005-09-01', '26'),
  ('tadamon.rsu-threshold', '2005-09-01', '9.3264284'),
  ('achamil.bands', '2005-09-01', '9.5124369:144;9.743001:176;9.9903727:224;10.237316:287;10.431048:355;10.739952:454;:1164');
