-- The 41 long-term conditions (ALD, arrêté 2518-05) whose care an exemption covers, numbered in the order of the
-- public source. Only 35 could be read there: the others are added (or renumbered) through the API.
create table long_term_condition (
    code               int primary key check (code between 1 and 99),
    label              text not null,
    lifelong_exemption boolean not null default false,
    exemption_years    int not null default 5 check (exemption_years > 0),
    source             text
);

insert into long_term_condition (code, label, lifelong_exemption, source) values
  (1, 'Accident vasculaire cérébral', false, 'ocmb.anam.ma'),
  (2, 'Affections malignes du tissu lymphatique et hématopoïétique', false, 'ocmb.anam.ma'),
  (3, 'Anémies hémolytiques', false, 'ocmb.anam.ma'),
  (4, 'Aplasies médullaires', false, 'ocmb.anam.ma'),
  (5, 'Artériopathies chroniques', false, 'ocmb.anam.ma'),
  (6, 'Asthme sévère', false, 'ocmb.anam.ma'),
  (7, 'Cardiopathies congénitales', false, 'ocmb.anam.ma'),
  (8, 'Cirrhoses du foie', false, 'ocmb.anam.ma'),
  (9, 'Diabète', true, 'ocmb.anam.ma'),
  (10, 'Épilepsie grave', false, 'ocmb.anam.ma'),
  (11, 'Déficience mentale', false, 'ocmb.anam.ma'),
  (12, 'Affections neuromusculaires graves', false, 'ocmb.anam.ma'),
  (13, 'Glaucome', false, 'ocmb.anam.ma'),
  (14, 'Hypertension artérielle sévère', true, 'ocmb.anam.ma'),
  (15, 'Insuffisance cardiaque', false, 'ocmb.anam.ma'),
  (16, 'Insuffisance rénale aiguë', false, 'ocmb.anam.ma'),
  (17, 'Insuffisance rénale chronique terminale', false, 'ocmb.anam.ma'),
  (18, 'Insuffisance respiratoire chronique', false, 'ocmb.anam.ma'),
  (19, 'Lupus érythémateux disséminé', false, 'ocmb.anam.ma'),
  (20, 'Maladie coronaire', false, 'ocmb.anam.ma'),
  (21, 'Maladie de Crohn', false, 'ocmb.anam.ma'),
  (22, 'Maladie de Parkinson', false, 'ocmb.anam.ma'),
  (23, 'Hépatites chroniques B et C', false, 'ocmb.anam.ma'),
  (24, 'Myélodysplasies', false, 'ocmb.anam.ma'),
  (25, 'Néphropathies', false, 'ocmb.anam.ma'),
  (26, 'Polyarthrite rhumatoïde', false, 'ocmb.anam.ma'),
  (27, 'Psychoses', false, 'ocmb.anam.ma'),
  (28, 'Rectocolite hémorragique', false, 'ocmb.anam.ma'),
  (29, 'Rétinopathie diabétique', false, 'ocmb.anam.ma'),
  (30, 'Sclérodermie', false, 'ocmb.anam.ma'),
  (31, 'Sclérose en plaques', false, 'ocmb.anam.ma'),
  (32, 'Spondylarthrite ankylosante', false, 'ocmb.anam.ma'),
  (33, 'Syndrome d''immunodéficience acquise (SIDA)', false, 'ocmb.anam.ma'),
  (34, 'Syndromes néphrotiques', false, 'ocmb.anam.ma'),
  (35, 'Troubles graves de la personnalité', false, 'ocmb.anam.ma');

-- Ceilings and frequencies of care with flat amounts, effective-dated.
create table ceiling (
    item           text not null,
    label          text not null,
    amount         numeric(12, 2),
    period_months  int check (period_months > 0),
    max_age        int check (max_age > 0),
    effective_from date not null,
    source         text,
    primary key (item, effective_from)
);
insert into ceiling (item, label, amount, period_months, max_age, effective_from, source) values
  ('DENTAL_PROSTHESIS', 'Prothèses dentaires', 3000, 24, null, '2005-09-01', 'amo-rules.md'),
  ('ORTHODONTICS', 'Orthodontie (accord préalable)', null, null, 16, '2005-09-01', 'amo-rules.md'),
  ('OPTICS_FRAME', 'Monture de lunettes', 400, null, null, '2019-01-01', 'amo-rules.md (2019 decision, unconfirmed)'),
  ('OPTICS_LENS', 'Verre standard', 400, null, null, '2019-01-01', 'amo-rules.md (2019 decision, unconfirmed)'),
  ('OPTICS_PROGRESSIVE_LENS', 'Verre progressif', 800, null, null, '2019-01-01', 'amo-rules.md (2019 decision, unconfirmed)');
