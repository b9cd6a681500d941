-- An establishment's prior approvals, newest first, one page at a time (the provider's list of its requests).
create index prior_approval_establishment on prior_approval (establishment_inpe, received_at desc, id desc);
