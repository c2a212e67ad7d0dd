-- The stage history when every staged row is a loaded deal: an entry names the deal by lineage and the stage by
-- index (source_file_stages has the names), no strings. {{entries}}: one {'i': index, 'entered': date} per stage
-- column. Parameters: the file's source_file_id, the first staged row id.
insert into stage_entries (source_file_id, source_row, stage_index, entered_date)
select source_file_id, source_row, e.i, e.entered
from (
    select cast(? as integer) as source_file_id, bulk_raw.rowid - ? + 2 as source_row, unnest([{{entries}}]) as e
    from bulk_raw
)
where e.entered is not null;
