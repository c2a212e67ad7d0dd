-- Clears what an earlier read of a file left: the staged rows and DuckDB's record of the rows it refused.
drop table if exists bulk_raw;
drop table if exists bulk_errors;
drop table if exists bulk_scans;
