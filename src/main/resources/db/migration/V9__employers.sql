-- Employers affiliated to CNSS for the salaried regime: affiliation number (seven digits and a Luhn check digit, as
-- the platform assigns it) and the company's common identifier (ICE, 15 digits), unique.
create sequence employer_affiliation start 1000001;

create table employer (
    affiliation_number text primary key check (affiliation_number ~ '^[0-9]{8}$'),
    name               text not null,
    ice                text not null unique check (ice ~ '^[0-9]{15}$'),
    region             text not null,
    commune            text not null,
    affiliated_on      date not null
);
create index employer_name_search on employer using gin (folded(name) gin_trgm_ops);
