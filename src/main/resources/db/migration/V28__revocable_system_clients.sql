-- A system client's tokens carry the generation they were issued under: disabling the client or rotating its secret
-- moves the generation on, and every token of an earlier generation is refused at once.
alter table system_client add column generation int not null default 0;
alter table system_client add column disabled_at timestamptz;
alter table system_client add column rotated_at timestamptz;
