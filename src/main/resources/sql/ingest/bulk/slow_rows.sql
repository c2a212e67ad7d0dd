-- The staged rows left to the row-by-row rules, in file order: the row id, then every column.
select b.rowid, b.*
from bulk_raw b
where b.rowid in (select r from bulk_slow)
order by b.rowid;
