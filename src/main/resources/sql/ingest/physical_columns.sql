-- The physical columns (name, type) of every table of the database's main schema, in column order: what the
-- row writer's appenders fill (TableAppender), including columns the schema gained that ingest does not know.
select table_name, column_name, data_type
from duckdb_columns()
where database_name = current_database() and schema_name = 'main'
order by table_name, column_index;
