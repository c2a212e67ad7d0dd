-- Whether a table or view of this name (the parameter) is in the database: a table a workbook lists without a sheet
-- shows its row count when it is there.
select count(*) from (
    select table_name as name from duckdb_tables() where not temporary
    union all
    select view_name from duckdb_views() where not temporary
) where name = ?
