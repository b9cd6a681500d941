-- A received claim that cannot be decided (its adjudication fails) is set aside with the error for an agent, so
-- that the claims behind it in the queue are decided; an agent puts it back once the cause is corrected.
alter table claim add column set_aside_at timestamptz, add column set_aside_reason text;
create index claim_set_aside on claim (id) where set_aside_at is not null;
