-- The regulator's services: INPE requests and listing requests, each with the steps it went through, and referrals
-- of the coordinated care pathway that a specialist's claim cites.

-- A request for an INPE, filed at the regulator's desk; the applicant follows it with the reference and a code
-- handed at filing (only its hash is kept).
create table inpe_request (
    id                      bigserial primary key,
    reference               text not null unique,
    follow_up_hash          text not null,
    kind                    text not null check (kind in ('PROFESSIONAL', 'ESTABLISHMENT')),
    status                  text not null check (status in ('FILED', 'INFORMATION_REQUESTED', 'APPROVAL_PROPOSED', 'APPROVED', 'REFUSED')),
    last_name               text,
    first_name              text,
    profession              text,
    specialty               text,
    diploma_reference       text,
    order_number            text,
    name                    text,
    category                text,
    sector                  text check (sector in ('PUBLIC', 'PRIVATE')),
    authorisation_reference text,
    address                 text,
    region                  text not null,
    province                text not null,
    commune                 text not null,
    filed_by                text not null,
    filed_on                date not null,
    approval_proposed_by    text,
    decided_by              text,
    decided_on              date,
    refusal_reason          text,
    inpe                    text check (inpe ~ '^[0-9]{9}$'),
    check (kind <> 'PROFESSIONAL' or (last_name is not null and first_name is not null and profession is not null
        and diploma_reference is not null and order_number is not null)),
    check (kind <> 'ESTABLISHMENT' or (name is not null and category is not null and sector is not null
        and authorisation_reference is not null and address is not null)),
    check (status <> 'APPROVED' or (inpe is not null and decided_by <> approval_proposed_by))
);
-- A second request for the same order registration or the same establishment authorisation is a duplicate, unless
-- the first was refused.
create unique index inpe_request_order_number on inpe_request (profession, upper(order_number))
    where kind = 'PROFESSIONAL' and status <> 'REFUSED';
create unique index inpe_request_authorisation on inpe_request (upper(authorisation_reference))
    where kind = 'ESTABLISHMENT' and status <> 'REFUSED';
create index inpe_request_status on inpe_request (status, filed_on);

create table inpe_request_step (
    request_id bigint not null references inpe_request (id),
    at         timestamptz not null default now(),
    status     text not null,
    actor      text not null,
    message    text
);
create index inpe_request_step_request on inpe_request_step (request_id, at);

-- A laboratory's request to list a medicine, through the Transparency Committee's steps to the version of the
-- medicines referential that publishes it.
create table listing_request (
    id                   bigserial primary key,
    reference            text not null unique,
    follow_up_hash       text not null,
    laboratory           text not null,
    code                 text not null check (code ~ '^[0-9]{13}$'),
    product_name         text not null,
    dci                  text not null,
    dosage               text not null,
    form                 text not null,
    presentation         text not null,
    therapeutic_class    text,
    brand_or_generic     char(1) not null check (brand_or_generic in ('P', 'G')),
    proposed_ppv         numeric(12, 2) not null check (proposed_ppv > 0),
    proposed_ph          numeric(12, 2) check (proposed_ph > 0),
    file_reference       text not null,
    status               text not null check (status in ('FILED', 'COMPLETE', 'EXAMINED', 'OPINION', 'DECISION', 'PUBLISHED')),
    filed_by             text not null,
    filed_on             date not null,
    completed_on         date,
    session_date         date,
    opinion              text check (opinion in ('FAVOURABLE', 'UNFAVOURABLE')),
    opinion_on           date,
    decision             text check (decision in ('LISTED', 'REFUSED')),
    decision_on          date,
    published_version_id bigint references medicine_referential (id),
    published_from       date
);
-- One open request per product code: a second filing of the same box is a duplicate until the first is refused.
create unique index listing_request_open_code on listing_request (code) where decision is distinct from 'REFUSED';

create table listing_request_step (
    request_id bigint not null references listing_request (id),
    at         timestamptz not null default now(),
    status     text not null,
    on_date    date not null,
    actor      text not null,
    note       text
);
create index listing_request_step_request on listing_request_step (request_id, at);

-- The medicines guide searches names and active substances anywhere in the word, accents and case aside.
create index medicine_name_search on medicine using gin (folded(name) gin_trgm_ops);
create index medicine_dci_search on medicine using gin (folded(dci) gin_trgm_ops);

-- A referral from a general practitioner or a primary-care establishment to a specialty (and, on the public
-- pathway, to a hospital), valid from the day it is written to its end date.
create table referral (
    id                    bigserial primary key,
    patient_idcs          text not null,
    referrer_inpe         text not null check (referrer_inpe ~ '^[0-9]{9}$'),
    referrer_kind         text not null check (referrer_kind in ('GENERAL_PRACTITIONER', 'PRIMARY_CARE_ESTABLISHMENT')),
    to_specialty          text not null,
    to_establishment_inpe text check (to_establishment_inpe ~ '^[0-9]{9}$'),
    reason                text,
    referred_on           date not null,
    valid_until           date not null,
    recorded_by           text not null,
    recorded_at           timestamptz not null default now(),
    check (valid_until >= referred_on)
);
create index referral_patient on referral (patient_idcs, referred_on);
create index referral_referrer on referral (referrer_inpe, referred_on);

-- No foreign key: a claim citing an unknown referral is received, and the care pathway rule says why it does not count.
alter table claim add column referral_id bigint;

insert into parameter (name, kind, description, source, allowed) values
  ('claims.care-pathway.declared-referral', 'TEXT', 'Whether a claim that only declares a referral (the yes/no flag of older clients) counts as referred: ACCEPTED, or REFUSED once referrals must be cited as records', 'issue 18, referrals for the care pathway', array['ACCEPTED', 'REFUSED']),
  ('pathway.referral-validity-days', 'INTEGER', 'Days a referral stays valid when its author gives no end date', 'default, unconfirmed', null),
  ('pathway.referral-longest-days', 'INTEGER', 'Longest validity a referral may be given, in days', 'default, unconfirmed', null);
update parameter set minimum = 1, maximum = 3660 where name in ('pathway.referral-validity-days', 'pathway.referral-longest-days');
insert into parameter_value (name, effective_from, value) values
  ('claims.care-pathway.declared-referral', '2005-09-01', 'ACCEPTED'),
  ('pathway.referral-validity-days', '2005-09-01', '90'),
  ('pathway.referral-longest-days', '2005-09-01', '365');
