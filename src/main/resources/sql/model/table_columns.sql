-- The columns of a table (the parameter) in table order, with their DuckDB types: what an output writes.
select column_name, data_type
from information_schema.columns
where table_name = ?
  and table_schema = current_schema()
order by ordinal_position
