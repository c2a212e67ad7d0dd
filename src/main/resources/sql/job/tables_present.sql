-- Every table and view in the run's database (not temporary ones): whether the metric tables a kept result lists
-- are all still there.
select table_name from duckdb_tables() where not temporary
union
select view_name from duckdb_views() where not temporary
