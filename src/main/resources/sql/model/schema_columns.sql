-- The columns of every table and view in the current schema, by table in table order, with their DuckDB types:
-- what a writer of many tables writes (model/OutputQuery.describeAll).
select table_name, column_name, data_type
from information_schema.columns
where table_schema = current_schema()
order by table_name, ordinal_position
