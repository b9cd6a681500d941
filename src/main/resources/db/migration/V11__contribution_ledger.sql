-- Contributions: what is due (calls), what was declared, what was paid, and the parameters they are computed with.
insert into parameter (name, kind, description, source) values
  ('contributions.salaried.due-day', 'INTEGER', 'Salaried regime: day of the month after the declared month by which the declaration is paid (default, unconfirmed)', 'cnss.ma (bordereau de paiement des cotisations)'),
  ('contributions.penalty.first-month-rate', 'DECIMAL', 'Late payment: increase, % of the unpaid contribution, for the first month or part of a month late (default, unconfirmed)', 'dahir 1-72-184 (sécurité sociale) art. 28'),
  ('contributions.penalty.next-month-rate', 'DECIMAL', 'Late payment: increase, % of the unpaid contribution, for each further month or part of a month late (default, unconfirmed)', 'dahir 1-72-184 (sécurité sociale) art. 28'),
  ('contributions.smig-monthly', 'DECIMAL', 'SMIG, MAD per month (hourly SMIG × 191 hours): the unit of the self-employed reference incomes', 'décrets 2.19.422, 2.22.606, 2.23.799, 2.24.1122, 2.25.983; fr.le360.ma 2025-12-18'),
  ('contributions.self-employed.rate', 'DECIMAL', 'Self-employed: % of the category''s flat reference income', 'amo-rules.md (yabiladi.com/articles/details/68901)'),
  ('contributions.self-employed.pensioner-rate', 'DECIMAL', 'Retired self-employed: % of the reference income', 'amo-rules.md'),
  ('contributions.self-employed.due-day', 'INTEGER', 'Self-employed: the month''s contribution is due by this day of the month after (default, unconfirmed)', 'loi 98-15'),
  ('rights.self-employed.unpaid-months', 'INTEGER', 'Self-employed: consecutive unpaid months after which rights are suspended until paid', 'draft loi 46-23'),
  ('rights.self-employed.waiting-months', 'INTEGER', 'Self-employed: waiting period (months) after arrears of that length are paid', 'draft loi 46-23'),
  ('contributions.achamil.debit-day', 'INTEGER', 'Achamil: day of the month before the covered month on which the direct debit is presented; the month is due by the end of that month (rights conditional on prior payment; default, unconfirmed)', 'loi 60-22; décret 2.23.690'),
  ('contributions.tadamon.amount-per-beneficiary', 'DECIMAL', 'Tadamon: MAD the State pays per beneficiary and month (default, unconfirmed: 665 MDH paid for December 2022 for about 11 million beneficiaries)', 'PLF 2025 note, m.libe.ma 2024-10-25; lematin.ma 2022/383941');
insert into parameter_value (name, effective_from, value) values
  ('contributions.salaried.due-day', '2005-09-01', '10'),
  ('contributions.penalty.first-month-rate', '2005-09-01', '3'),
  ('contributions.penalty.next-month-rate', '2005-09-01', '1'),
  ('contributions.smig-monthly', '2019-07-01', '2828.71'),
  ('contributions.smig-monthly', '2022-09-01', '2970.05'),
  ('contributions.smig-monthly', '2023-09-01', '3111.39'),
  ('contributions.smig-monthly', '2025-01-01', '3266.10'),
  ('contributions.smig-monthly', '2026-01-01', '3422.72'),
  ('contributions.self-employed.rate', '2020-01-01', '6.37'),
  ('contributions.self-employed.pensioner-rate', '2020-01-01', '4.52'),
  ('contributions.self-employed.due-day', '2020-01-01', '10'),
  ('rights.self-employed.unpaid-months', '2020-01-01', '12'),
  ('rights.self-employed.waiting-months', '2020-01-01', '3'),
  ('contributions.achamil.debit-day', '2022-12-01', '25'),
  ('contributions.tadamon.amount-per-beneficiary', '2022-12-01', '60');

-- Self-employed categories: a flat reference income as a multiple of the SMIG, effective-dated, and a minimum
-- monthly contribution where one is published.
create table self_employed_category (
    code           text not null,
    effective_from date not null,
    label          text not null,
    smig_multiple  numeric(6, 2) not null check (smig_multiple > 0),
    minimum        numeric(10, 2) check (minimum >= 0),
    source         text not null,
    primary key (code, effective_from)
);
insert into self_employed_category (code, effective_from, label, smig_multiple, minimum, source) values
  ('MIDWIFE', '2020-01-01', 'Sages-femmes', 1.75, null, 'yabiladi.com/articles/details/68901'),
  ('PHYSIOTHERAPIST', '2020-01-01', 'Kinésithérapeutes', 2.75, null, 'yabiladi.com/articles/details/68901'),
  ('ADOUL', '2020-01-01', 'Adouls', 1.9, null, 'fr.le360.ma'),
  ('BOOKKEEPING_SMALL', '2020-01-01', 'Entreprises de tenue de comptabilité, plus petite classe', 1, null, 'telquel.ma 2021/12/27'),
  ('BOOKKEEPING_LARGE', '2020-01-01', 'Entreprises de tenue de comptabilité, plus grande classe', 6, null, 'telquel.ma 2021/12/27');

-- A self-employed member's category (one contribution whatever the number of activities) and pensioner status.
create table self_employed_activity (
    member_id  bigint primary key references member (id),
    category   text not null,
    pensioner  boolean not null default false,
    since      date not null
);

-- Achamil direct-debit mandates: the account debited each month.
create table achamil_mandate (
    member_id bigint primary key references member (id),
    account   text not null check (account ~ '^[0-9]{24}$'),
    signed_on date not null
);

-- Imports of monthly declarations (files of employer, month, employee, days, gross salary lines) and their
-- rejected rows; a rejected import changes nothing else.
create table declaration_import (
    id           bigserial primary key,
    file_name    text not null,
    status       text not null check (status in ('ACCEPTED', 'REJECTED')),
    lines        int not null,
    declarations int not null,
    rejected     int not null,
    message      text not null,
    received_at  timestamptz not null default now()
);
create table declaration_rejection (
    import_id bigint not null references declaration_import (id),
    line      int not null,
    field     text not null,
    rule      text not null,
    message   text not null
);
create index declaration_rejection_import on declaration_rejection (import_id, line);

-- One declaration per employer and month, with its lines and the shares computed from the rates of the month.
create table declaration (
    id                 bigserial primary key,
    import_id          bigint not null references declaration_import (id),
    employer           text not null references employer (affiliation_number),
    month              date not null check (extract(day from month) = 1),
    employees          int not null,
    gross_total        numeric(16, 2) not null,
    employee_total     numeric(16, 2) not null,
    employer_total     numeric(16, 2) not null,
    solidarity_total   numeric(16, 2) not null,
    unique (employer, month)
);
create table declaration_line (
    declaration_id   bigint not null references declaration (id),
    line             int not null,
    member_id        bigint not null references member (id),
    days             int not null check (days between 0 and 31),
    gross_salary     numeric(14, 2) not null check (gross_salary >= 0),
    employee_share   numeric(12, 2) not null,
    employer_share   numeric(12, 2) not null,
    solidarity_share numeric(12, 2) not null,
    primary key (declaration_id, member_id)
);
create index declaration_line_member on declaration_line (member_id);

-- What a payer owes for a month: an employer's declaration, a self-employed or Achamil member's instalment, the
-- State's Tadamon statement. Settled when the principal is paid in full; a penalty is fixed when settled late.
create table contribution_call (
    id             bigserial primary key,
    regime         text not null check (regime in ('SALARIED_PRIVATE', 'SELF_EMPLOYED', 'ACHAMIL', 'TADAMON')),
    payer_kind     text not null check (payer_kind in ('EMPLOYER', 'MEMBER', 'STATE')),
    payer          text not null,
    month          date not null check (extract(day from month) = 1),
    amount         numeric(16, 2) not null check (amount >= 0),
    due_date       date not null,
    explanation    text not null,
    declaration_id bigint references declaration (id),
    member_id      bigint references member (id),
    beneficiaries  int,
    paid           numeric(16, 2) not null default 0,
    settled_on     date,
    penalty        numeric(14, 2) not null default 0,
    penalty_paid   numeric(14, 2) not null default 0,
    lapsed         boolean not null default false,
    issued_at      timestamptz not null default now(),
    unique (regime, payer, month)
);
-- A payment looks up its payer's calls still open or with a penalty owed: by payer, whatever their state.
create index contribution_call_payer on contribution_call (payer_kind, payer, due_date);
create index contribution_call_due on contribution_call (due_date) where settled_on is null and not lapsed;
create index contribution_call_member on contribution_call (member_id, month);

create table payment (
    id              bigserial primary key,
    payer_kind      text not null check (payer_kind in ('EMPLOYER', 'MEMBER', 'STATE')),
    payer           text not null,
    amount          numeric(16, 2) not null check (amount > 0),
    paid_on         date not null,
    means           text not null check (means in ('TRANSFER', 'DIRECT_DEBIT', 'COUNTER')),
    reference       text,
    idempotency_key text not null unique,
    unallocated     numeric(16, 2) not null,
    event_id        bigint references rights_event (id),
    recorded_at     timestamptz not null default now()
);
create index payment_payer on payment (payer_kind, payer, paid_on);

create table payment_allocation (
    payment_id bigint not null references payment (id),
    call_id    bigint not null references contribution_call (id),
    principal  numeric(16, 2) not null,
    penalty    numeric(14, 2) not null,
    primary key (payment_id, call_id)
);
create index payment_allocation_call on payment_allocation (call_id);
