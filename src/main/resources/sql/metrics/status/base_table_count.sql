-- Whether a metric now made as a view (the parameter: its name) is still a table, as an earlier version wrote it:
-- 1 or 0. Not a metric: sql/metrics/ORDER names the files MetricsRunner runs as metrics, and this folder is not
-- among them.
select count(*)
from duckdb_tables()
where table_name = ?
  and schema_name = current_schema()
  and not temporary
