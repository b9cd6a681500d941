-- Public hospitals and primary-care establishments bill the payer bodies for insured patients under the national
-- agreement between the payer bodies and the Ministry of Health (amo-rules.md, "Public establishments and payments"):
-- they are under convention with CNSS and CNOPS from the start of the AMO (loi 65-00 in force on 18 August 2005;
-- default, unconfirmed: the regulator records the real dates and terms). The start is a parameter read when a public
-- establishment is registered; the conventions themselves are ordinary rows, dated and changeable like any other.
insert into parameter (name, kind, description, source) values
  ('providers.public-convention-start', 'TEXT', 'Date (yyyy-mm-dd) from which a public establishment registered is under convention with CNSS and CNOPS', 'amo-rules.md, "Public establishments and payments" (default, unconfirmed)'),
  ('claims.invoice-filing-deadline-days', 'INTEGER', 'Days after the care date within which a provider invoice (tiers payant) must be filed; later invoices are rejected', 'amo-rules.md, "Procedures and deadlines" (the provider invoices within 90 days)');
insert into parameter_value (name, effective_from, value) values
  ('providers.public-convention-start', '2005-08-18', '2005-08-18'),
  ('claims.invoice-filing-deadline-days', '2005-08-18', '90');
update parameter set description = 'Days after the care date within which a member claim (feuille de soins) must be filed; later claims are rejected'
where name = 'claims.filing-deadline-days';

-- Public establishments registered before this migration (the ministry's lists) had no convention at all.
insert into convention (inpe, payer_body, start_date, end_date)
select e.inpe, p.payer_body, '2005-08-18', null
from establishment e cross join (values ('CNSS'), ('CNOPS')) p(payer_body)
where e.sector = 'PUBLIC'
  and not exists (select 1 from convention c where c.inpe = e.inpe and c.payer_body = p.payer_body);
