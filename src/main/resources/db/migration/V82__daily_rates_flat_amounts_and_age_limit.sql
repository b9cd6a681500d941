-- Acts priced on an amount of the tariff version instead of a key letter: a hospital stay on its daily rate (amount ×
-- days, 1 to 365) and an optical item or a device on its flat amount (amount × quantity; the base is min(billed,
-- amount × quantity), amo-rules.md "What is reimbursed": base = min(purchase price, forfait)). A null amount is a
-- rate not known yet, as for key letters: lines on it are priced at nothing until a version gives one.
alter table act alter column key_letter drop not null;
alter table act add column priced_by text not null default 'KEY_LETTER'
    check (priced_by in ('KEY_LETTER', 'DAILY_RATE', 'FLAT_AMOUNT'));
alter table act add column amount numeric(12, 2) check (amount >= 0);
alter table act add constraint act_priced_by_letter_or_amount
    check ((priced_by = 'KEY_LETTER') = (key_letter is not null) and (priced_by <> 'KEY_LETTER' or amount is null));
alter table act drop constraint act_care_category_check;
alter table act add constraint act_care_category_check check (care_category in ('AMBULATORY', 'HOSPITALISATION',
    'DENTAL', 'MATERNITY', 'BIOLOGY', 'IMAGING', 'PARAMEDICAL', 'OPTICS', 'DEVICES'));

-- Daily rates. The 2020 CNSS conventions (amo-rules.md, "National reference tariff") give a medical stay 850 DH a day
-- and intensive care 2,500 DH a day: version 2 holds them as sourced. The 2006 TNR's daily rates are not in the
-- sources read: version 1 holds the same amounts as the demo tariff's values, to be corrected by a new version.
-- A stay needs a prior approval (amo-rules.md, "Procedures and deadlines").
insert into act (version_id, code, label, key_letter, coefficient, care_category, prior_approval, excluded, priced_by, amount)
select v.id, a.code, a.label, null, null, 'HOSPITALISATION', true, false, 'DAILY_RATE', a.amount
from (values (1), (2)) v(id) cross join (values
  ('JOURNEE_MEDECINE', 'Journée d''hospitalisation en médecine', 850.00),
  ('JOURNEE_REANIMATION', 'Journée de réanimation', 2500.00)
) a(code, label, amount);
update tariff_version set note = note || '; JOURNEE_MEDECINE 850 DH and JOURNEE_REANIMATION 2,500 DH a day: demo values (the 2020 conventions'' amounts), the 2006 daily rates not being in the sources read'
where id = 1;

-- Optics on their flat amounts (amo-rules.md, "What is reimbursed": frame 400 DH, standard lens 400 DH, progressive
-- lens 800 DH, 2019 decision, unconfirmed), one amount per item: a pair of lenses is a line of quantity 2. They are in
-- both versions, version 1 being the one in force since 2006: the choice is to apply the 2019 amounts to all care.
insert into act (version_id, code, label, key_letter, coefficient, care_category, prior_approval, excluded, priced_by, amount)
select v.id, a.code, a.label, null, null, 'OPTICS', false, false, 'FLAT_AMOUNT', a.amount
from (values (1), (2)) v(id) cross join (values
  ('OPTIQUE_MONTURE', 'Monture de lunettes', 400.00),
  ('OPTIQUE_VERRE', 'Verre standard', 400.00),
  ('OPTIQUE_VERRE_PROG', 'Verre progressif', 800.00)
) a(code, label, amount);

-- Orthodontics: up to age 16, with prior approval (amo-rules.md, "What is reimbursed", dental). The orthodontic key
-- letter has no value in amo-rules.md: the choice is to price the treatment on D (dental care), coefficient on the line.
insert into act (version_id, code, label, key_letter, coefficient, care_category, prior_approval, excluded)
select v.id, 'ORTHODONTIE', 'Traitement d''orthodontie (coefficient sur la ligne)', 'D', null, 'DENTAL', true, false
from (values (1), (2)) v(id);

-- Coverage of optics and devices. amo-rules.md gives flat amounts and, for CNOPS, 100 % of the forfait for devices;
-- no rate for the CNSS regimes nor for optics at CNOPS. The choice: CNSS regimes 70 % (their rate for all care), 90 %
-- exempted; CNOPS 100 % of the flat amount for both, as its devices.
insert into coverage_rate (regime, care_category, sector, exempted, effective_from, rate_percent, source)
select r.regime, c.category, null, e.exempted, '2005-09-01', case when e.exempted then 90 else 70 end,
       'amo-rules.md (flat amounts; rate: the CNSS regimes'' rate for all care, a choice)'
from (values ('SALARIED_PRIVATE'), ('SELF_EMPLOYED'), ('TADAMON'), ('ACHAMIL'), ('STUDENT')) r(regime)
cross join (values ('OPTICS'), ('DEVICES')) c(category)
cross join (values (false), (true)) e(exempted);
insert into coverage_rate (regime, care_category, sector, exempted, effective_from, rate_percent, source)
select 'PUBLIC_SECTOR', c.category, null, e.exempted, '2005-09-01', 100, 'amo-rules.md (CNOPS: 100 % of the forfait)'
from (values ('OPTICS'), ('DEVICES')) c(category)
cross join (values (false), (true)) e(exempted);

-- The optics ceilings apply over a period: amo-rules.md gives none for optics; the choice is 24 months, the period
-- of the other flat-rate ceiling it gives (dental prostheses, every 2 years). The ceiling caps what is covered for an
-- item over the period; lenses go by pairs, so the lens ceilings are for a pair: twice the flat amount of a lens.
update ceiling set period_months = 24, source = source || '; period 24 months: a choice, as dental prostheses'
where item in ('OPTICS_FRAME', 'OPTICS_LENS', 'OPTICS_PROGRESSIVE_LENS');
update ceiling set amount = 2 * amount, label = label || ' (la paire)',
       source = source || '; a pair of lenses: twice the flat amount of a lens'
where item in ('OPTICS_LENS', 'OPTICS_PROGRESSIVE_LENS');

-- Which act codes count towards which ceiling item: orthodontics from the start, optics from the 2019 decision.
update parameter_value set value = 'DP:DENTAL_PROSTHESIS;ORTHODONTIE:ORTHODONTICS'
where name = 'claims.ceiling-items' and effective_from = '2005-09-01';
insert into parameter_value (name, effective_from, value) values
  ('claims.ceiling-items', '2019-01-01',
   'DP:DENTAL_PROSTHESIS;ORTHODONTIE:ORTHODONTICS;OPTIQUE_MONTURE:OPTICS_FRAME;OPTIQUE_VERRE:OPTICS_LENS;OPTIQUE_VERRE_PROG:OPTICS_PROGRESSIVE_LENS');
