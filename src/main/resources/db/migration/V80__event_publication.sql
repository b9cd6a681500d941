-- Spring Modulith's event publication registry (schema of spring-modulith-events-jdbc 2.1, PostgreSQL, v2): each event
-- a module publishes is stored here with its listener in the publishing transaction, and completed when the listener
-- has run, so that a listener that failed or was interrupted by a crash runs again at the next start.
-- Databases of earlier versions already have the table: Spring Modulith created it at start before this migration
-- took it over. It is kept, and brought to this shape.
create table if not exists event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
alter table event_publication add column if not exists status text;
alter table event_publication add column if not exists completion_attempts int;
alter table event_publication add column if not exists last_resubmission_date timestamp with time zone;
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
