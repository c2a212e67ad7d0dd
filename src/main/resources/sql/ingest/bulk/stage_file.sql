-- Reads a CSV export into the staging table bulk_raw, one column per header column (c0, c1, ...): every field as
-- text except the date columns DuckDB parses itself. Strict: a row DuckDB cannot read exactly lands in bulk_errors
-- instead of failing the transaction. Parameters: the file, its delimiter, the date format.
-- {{options}}: the timestamp format and read buffer when the file needs them; {{columns}}: the column types.
create temp table bulk_raw as
select *
from read_csv(?, header = false, skip = 1, auto_detect = false, delim = ?, quote = '"', escape = '"',
              strict_mode = true, null_padding = false, encoding = 'utf-8', dateformat = ?{{options}},
              store_rejects = true, rejects_table = 'bulk_errors', rejects_scan = 'bulk_scans',
              columns = { {{columns}} });
