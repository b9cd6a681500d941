-- A one-time code is used once (RFC 6238, section 5.2): the last time step accepted for the account; a code of that
-- step or an earlier one is refused, even within the tolerance for clocks apart.
alter table platform_user add column last_totp_step bigint;
