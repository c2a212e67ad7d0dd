-- The stage history of the deals SQL loaded when it left some rows to Java (those come later, with their own
-- history): this file's opportunities so far, joined back to their staged row, not filtered again by the fast-row
-- rules and lookups. {{table}}: the deals table; {{entries}} as in insert_stage_history_of_all.sql.
-- Parameters: the first staged row id, the file's source_file_id.
insert into stage_entries (source_file_id, source_row, stage_index, entered_date)
select source_file_id, source_row, e.i, e.entered
from (
    select o.source_file_id, o.source_row, unnest([{{entries}}]) as e
    from {{table}} o
    join bulk_raw on bulk_raw.rowid = o.source_row + ? - 2
    where o.source_file_id = ?
)
where e.entered is not null;
