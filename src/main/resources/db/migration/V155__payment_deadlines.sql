-- The delays within which a payer body pays a complete invoice, counted in calendar days from its filing: 60 days for
-- providers, 30 for pharmacies in tiers payant (amo-rules.md, "Public establishments and payments"; the prior
-- approval procedure, "Procedures and deadlines"). No delay is published for a member's own claim: none is set.
insert into parameter (name, kind, description, source, minimum, maximum) values
  ('payments.deadline-days.ESTABLISHMENT', 'INTEGER', 'Days after its filing within which an establishment''s invoice is paid', 'amo-rules.md, "Public establishments and payments": 60 days for providers', 1, 366),
  ('payments.deadline-days.PHARMACY', 'INTEGER', 'Days after its filing within which a pharmacy''s invoice in tiers payant is paid', 'amo-rules.md, "Public establishments and payments": 30 days for pharmacies in tiers payant', 1, 366);
insert into parameter_value (name, effective_from, value) values
  ('payments.deadline-days.ESTABLISHMENT', '2005-09-01', '60'),
  ('payments.deadline-days.PHARMACY', '2005-09-01', '30');

-- The late list reads the approved claims not paid yet by payer body; the paid ones through their batch.
create index if not exists claim_payable_filed on claim (payer_body, filed_on) where status in ('APPROVED', 'PARTIALLY_APPROVED');
