-- Every input file: rows read = loaded + rejected + skipped. Returns the files that break it.
select path, rows_read, rows_loaded, rows_rejected, rows_skipped
from source_files
where rows_read <> rows_loaded + rows_rejected + rows_skipped;
