-- The SQL of a view of the run's database (the parameter: its name), to tell whether an older one needs replacing.
select sql
from duckdb_views()
where view_name = ?
  and database_name = current_database()
  and schema_name = 'main'
