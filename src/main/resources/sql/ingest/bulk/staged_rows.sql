-- What the staging read gave: rows DuckDB refused, rows staged, and the first and last staged row id (rows keep the
-- file's order, so row id minus the first is the record's index when the ids are dense).
select (select count(*) from bulk_errors), count(*), coalesce(min(rowid), 0), coalesce(max(rowid), -1)
from bulk_raw;
