-- A payment's idempotency key belongs to the account that sent it: two clients may use the same key without one
-- receiving the other's payment. Payments recorded before are the platform's.
alter table payment add column recorded_by text not null default 'platform';
alter table payment drop constraint payment_idempotency_key_key;
alter table payment add constraint payment_recorded_by_idempotency_key_key unique (recorded_by, idempotency_key);
