-- The range each parameter's values must lie in, checked when a value is recorded: a negative number of days or a
-- rate above 100 % would be accepted and then read by the rules. Text parameters may list their allowed values.
alter table parameter
    add column minimum numeric,
    add column maximum numeric,
    add column allowed text[];

update parameter set minimum = 0, maximum = 1000000000 where kind <> 'TEXT';
update parameter set maximum = 100 where kind <> 'TEXT' and (name like '%rate' or name like '%percent');
update parameter set maximum = 3660 where kind <> 'TEXT' and name like '%-days';
update parameter set minimum = 1, maximum = 31 where name like '%due-day';
update parameter set maximum = 600 where kind <> 'TEXT' and (name like '%-months' or name like '%keep-months.%');
update parameter set minimum = 1, maximum = 100 where kind <> 'TEXT' and name like '%-years';
update parameter set maximum = 120 where kind <> 'TEXT' and name like '%.age';
update parameter set allowed = array['CLOSEST_GENERIC', 'MOST_EXPENSIVE_GENERIC', 'OWN_PRICE'] where name like 'medicines.base-rule.%';
update parameter set allowed = array['PRIX_BR', 'PPV'] where name like 'medicines.price.%';
