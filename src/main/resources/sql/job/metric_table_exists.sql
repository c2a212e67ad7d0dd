-- Whether a metric table (or view) is in the run's database (the parameter, twice: its name).
select count(*) from duckdb_tables() where table_name = ? and not temporary
union all
select count(*) from duckdb_views() where view_name = ? and not temporary;
