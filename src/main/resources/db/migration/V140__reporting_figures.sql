-- The indicators' figures, computed from the other modules' tables by the reporting module and kept here so that the
-- dashboard reads a few thousand rows instead of grouping millions on each visit. One row is one cell of an
-- indicator: its payer body ('-' when the figure has none), its month (null for a figure of the day, such as the
-- beneficiaries), up to two keys (regime and region, reason, category...), and counts and amounts whose meaning each
-- indicator's definition gives. Shares are kept as their two terms, so that they add up across payer bodies and months.
create table reporting_figure (
    indicator  text not null,
    payer_body text not null check (payer_body in ('CNSS', 'CNOPS', '-')),
    month      date check (extract(day from month) = 1),
    key1       text not null default '',
    key2       text not null default '',
    label      text,
    n          bigint not null default 0,
    n2         bigint not null default 0,
    amount     numeric(18, 2) not null default 0,
    amount2    numeric(18, 2) not null default 0
);
create index reporting_figure_indicator on reporting_figure (indicator, month, payer_body);

-- When each indicator was last computed, the day it describes and how long the computation took.
create table reporting_refresh (
    indicator    text primary key,
    as_of        date not null,
    refreshed_at timestamptz not null,
    millis       bigint not null,
    cells        int not null
);

insert into parameter (name, kind, description, source, minimum, maximum) values
  ('reporting.small-count', 'INTEGER', 'Counts below this number are hidden in the published indicators, with the amounts and shares computed over them (1: nothing hidden)', 'loi 09-08, statistical confidentiality of open data', 1, 100);
insert into parameter_value (name, effective_from, value) values ('reporting.small-count', '2005-09-01', '5');
