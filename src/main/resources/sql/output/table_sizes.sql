-- Roughly how much each table of the run's database holds (rows times columns), to share the CSV writing between
-- two connections; a view counts as very large, since its size is unknown until it is run.
select table_name, estimated_size * column_count
from duckdb_tables()
where schema_name = current_schema() and not temporary
union all
select view_name, 1000000000
from duckdb_views()
where schema_name = current_schema() and not temporary and not internal
