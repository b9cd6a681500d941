-- Each reason on a claim line is a row: its code from the reason catalogue, its French text and the figures the rule
-- used, so that a count by reason is a group by code. The reasons written so far as one text ("CODE: text" lines)
-- are split into rows, in their order.
create table claim_line_reason (
    claim_id bigint not null,
    line_no  int not null,
    position int not null,
    code     text not null,
    text     text,
    figures  jsonb,
    -- No foreign key to claim_line: the rows are written by the claims module in the transaction that decides their
    -- line, and a key checked row by row costs a trigger call for each of the several reasons of every line.
    primary key (claim_id, line_no, position)
);

insert into claim_line_reason (claim_id, line_no, position, code, text)
select l.claim_id, l.line_no, r.n - 1,
       coalesce(substring(r.reason from '^([A-Z][A-Z0-9_]*)(?::|$)'), 'UNCODED'),
       case when r.reason ~ '^[A-Z][A-Z0-9_]*(:|$)'
            then nullif(regexp_replace(r.reason, '^[A-Z][A-Z0-9_]*:?\s*', ''), '')
            else r.reason end
from claim_line l
cross join lateral unnest(string_to_array(l.reasons, E'\n')) with ordinality as r(reason, n)
where l.reasons is not null and r.reason <> '';

alter table claim_line drop column reasons;
