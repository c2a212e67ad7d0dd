-- Loads the staged rows SQL maps exactly as the row-by-row path would ({{fast}} not false), with their lineage.
-- {{table}} and {{columns}}: the profile's canonical table and columns; {{values}}: each column's expression over the
-- staged row and the lookups ({{joins}}). Parameters: the file's source_file_id, the first staged row id.
insert into {{table}} ({{columns}}, source_file_id, source_row)
select {{values}}, ?, bulk_raw.rowid - ? + 2
from bulk_raw{{joins}}
where {{fast}} is not false;
