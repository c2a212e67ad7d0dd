-- Whether a name (the parameter) is a table of the run's database rather than a view: 1 or 0.
select count(*)
from information_schema.tables
where table_schema = 'main'
  and table_name = ?
  and table_type = 'BASE TABLE'
