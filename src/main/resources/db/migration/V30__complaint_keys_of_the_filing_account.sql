-- A complaint's idempotency key belongs to the account that filed it, as every other key does. Complaints filed
-- before were keyed by their complainant, whose name (as the history writes it) becomes their filer.
alter table complaint add column filed_by text;
update complaint set filed_by = complainant_kind || ' ' || complainant_id;
alter table complaint alter column filed_by set not null;
do $$
declare
    old_key text;
begin
    select conname into old_key from pg_constraint where conrelid = 'complaint'::regclass and contype = 'u';
    execute format('alter table complaint drop constraint %I', old_key);
end
$$;
alter table complaint add constraint complaint_filed_by_idempotency_key_key unique (filed_by, idempotency_key);
