-- Contribution rates (amo-rules.md, "Regimes"), effective-dated like every threshold.
insert into parameter (name, kind, description, source) values
  ('contributions.salaried.employee-rate', 'DECIMAL', 'Salaried regime: employee share, % of gross salary (no ceiling)', 'cnss.ma/fr/faq-catégorie/financement'),
  ('contributions.salaried.employer-rate', 'DECIMAL', 'Salaried regime: employer share, % of gross salary', 'cnss.ma/fr/faq-catégorie/financement'),
  ('contributions.salaried.solidarity-rate', 'DECIMAL', 'Salaried regime: employer solidarity share, % of gross salary', 'cnss.ma/fr/faq-catégorie/financement'),
  ('contributions.salaried.pensioner-rate', 'DECIMAL', 'Salaried regime pensioners: % of the pension', 'cnss.ma/fr/faq-catégorie/financement'),
  ('contributions.public.rate', 'DECIMAL', 'Public sector: % of salary, split half employee, half employer', 'cpbmaroc.ma/?p=131'),
  ('contributions.public.pensioner-rate', 'DECIMAL', 'Public sector pensioners: % of the pension', 'cpbmaroc.ma/?p=131'),
  ('contributions.public.share-min', 'DECIMAL', 'Public sector: minimum of each share, MAD per month', 'cpbmaroc.ma/?p=131'),
  ('contributions.public.share-max', 'DECIMAL', 'Public sector: maximum of each share, MAD per month', 'cpbmaroc.ma/?p=131');
insert into parameter_value (name, effective_from, value) values
  ('contributions.salaried.employee-rate', '2005-09-01', '2.26'),
  ('contributions.salaried.employer-rate', '2005-09-01', '2.26'),
  ('contributions.salaried.solidarity-rate', '2005-09-01', '1.85'),
  ('contributions.salaried.pensioner-rate', '2005-09-01', '4.52'),
  ('contributions.public.rate', '2005-09-01', '5'),
  ('contributions.public.pensioner-rate', '2005-09-01', '2.5'),
  ('contributions.public.share-min', '2005-09-01', '70'),
  ('contributions.public.share-max', '2005-09-01', '400');
