-- Public holidays per year: fixed ones by law, religious ones proposed from the Umm al-Qura calendar and confirmed
-- or moved by an administrator once the Ministry of Habous has announced the date (amo-rules.md, "Business calendar").
create table public_holiday (
    id           bigserial primary key,
    year         int not null,
    code         text not null,
    name         text not null,
    first_day    date not null,
    days         int not null check (days between 1 and 3),
    kind         text not null check (kind in ('FIXED', 'RELIGIOUS')),
    status       text not null check (status in ('FIXED', 'PROPOSED', 'CONFIRMED')),
    proposed_day date not null,
    decided_by   text,
    decided_at   timestamptz,
    unique (year, code, proposed_day)
);
create index public_holiday_first_day on public_holiday (first_day);

insert into parameter (name, kind, description, source) values
  ('calendar.working-hours', 'TEXT', 'Working hours of a working day (Monday to Friday), HH:mm-HH:mm; default unconfirmed', 'amo-rules.md, "Business calendar" (public administration 8:30-16:30, unconfirmed)'),
  ('calendar.ramadan-working-hours', 'TEXT', 'Working hours of a working day in Ramadan, HH:mm-HH:mm', 'arrêté 05.1899 of 30 September 2005 (amo-rules.md, "Business calendar")');
insert into parameter_value (name, effective_from, value) values
  ('calendar.working-hours', '2005-01-01', '08:30-16:30'),
  ('calendar.ramadan-working-hours', '2005-01-01', '09:00-15:00');
