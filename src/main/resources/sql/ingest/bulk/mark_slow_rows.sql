-- The staged rows SQL cannot load as Java would ({{fast}} false), by row id: decided once.
create temp table bulk_slow as
select bulk_raw.rowid as r
from bulk_raw{{joins}}
where {{fast}} is false;
