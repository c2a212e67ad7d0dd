-- Whether the database records its input folders at all (an older one, or one never loaded, does not).
select count(*)
from duckdb_tables()
where table_name = 'run_input_folders';
