-- bench-ingest --read-csv: DuckDB's own read_csv on the same file (the parameter), the baseline of the ratio.
create table t as
select *
from read_csv(?)
