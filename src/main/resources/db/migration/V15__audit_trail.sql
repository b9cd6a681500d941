-- Audit trail of every read and change of personal or medical data (loi 09-08): who, which record, when, for which
-- purpose. Append-only (the triggers below) and tamper-evident: each row's hash is SHA-256 of the previous row's
-- hash and the row's canonical content, computed by the application's single chain writer in seq order.
insert into parameter (name, kind, description, source) values
  ('audit.retention-years', 'INTEGER', 'Years the audit trail of reads and changes of personal data is kept before the nightly purge (default, unconfirmed: loi 09-08 art. 3 only says "no longer than the purposes require"; no duration is published for access logs)', 'loi 09-08 art. 3; CNDP');
insert into parameter_value (name, effective_from, value) values
  ('audit.retention-years', '2005-09-01', '10');

create table audit_entry (
    seq         bigint primary key,
    at          timestamptz not null,
    actor       text not null,
    action      text not null check (action in ('READ', 'CHANGE', 'PURGE')),
    record_type text not null,
    record_id   text not null,
    purpose     text not null,
    hash        text not null
);
create index audit_entry_record on audit_entry (record_type, record_id, seq);
create index audit_entry_actor on audit_entry (actor, seq);
-- Entries come in time order: a block range index serves searches by period at a fraction of a b-tree's upkeep on
-- every request that reads personal data.
create index audit_entry_at on audit_entry using brin (at);

-- What a purge removed: the last seq deleted and its hash, from which the kept chain is verified.
create table audit_anchor (
    purged_through bigint primary key,
    hash           text not null,
    horizon        timestamptz not null,
    purged         bigint not null,
    purged_at      timestamptz not null default now()
);

-- Refuses every update, delete and truncate, except the deletes of audit_purge (which sets amo.audit_purge for its
-- own transaction). Someone with the rights to disable the trigger can still edit rows: the hash chain shows it.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'audit_entry' and current_setting('amo.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_append_only();
create trigger audit_anchor_append_only before update or delete on audit_anchor
    for each row execute function audit_append_only();
create trigger audit_anchor_no_truncate before truncate on audit_anchor
    for each statement execute function audit_append_only();

-- The retention purge: deletes the oldest rows up to the first one at or after the horizon (a prefix of the chain,
-- so what is kept still starts from a known hash) and records that hash as an anchor. Serialised with the chain
-- writer by the same advisory lock. Returns the number of rows deleted.
create function audit_purge(horizon timestamptz) returns bigint language plpgsql as $$
declare
    first_kept bigint;
    last_seq   bigint;
    last_hash  text;
    deleted    bigint;
begin
    perform pg_advisory_xact_lock(4281668);
    select min(seq) into first_kept from audit_entry where at >= horizon;
    select max(seq) into last_seq from audit_entry where first_kept is null or seq < first_kept;
    if last_seq is null then
        return 0;
    end if;
    select hash into last_hash from audit_entry where seq = last_seq;
    perform set_config('amo.audit_purge', 'on', true);
    delete from audit_entry where seq <= last_seq;
    get diagnostics deleted = row_count;
    perform set_config('amo.audit_purge', 'off', true);
    insert into audit_anchor (purged_through, hash, horizon, purged) values (last_seq, last_hash, horizon, deleted);
    return deleted;
end
$$;
