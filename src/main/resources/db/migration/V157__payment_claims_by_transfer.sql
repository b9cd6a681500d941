-- The claims of one transfer (a bank rejection releases them, a bordereau lists them) found by their key, not by
-- reading every claim of a batch of hundreds of thousands.
create index payment_batch_claim_transfer on payment_batch_claim (batch_id, payee_kind, payee);
