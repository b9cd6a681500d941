-- The patients a Patient-level FHIR Bulk Data export is limited to (its "patient" parameter), one row each; an export
-- without rows here covers everyone. No foreign key to bulk_export: that table comes from a migration numbered after
-- this range (V123), which a new database applies later; the job's id is a random UUID written in the same
-- transaction as its row there.
create table bulk_export_patient (
    export_id uuid not null,
    idcs      text not null check (length(idcs) between 1 and 64),
    primary key (export_id, idcs)
);
