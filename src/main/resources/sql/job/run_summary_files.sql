-- The run summary's list of files and how each one ended; unchanged = the earlier load was kept (a forced rerun).
select path, relative_path, format, kind, profile, status, message, encoding, delimiter, sheet, header_row,
       rows_read, rows_loaded, rows_rejected, rows_skipped, min_date, max_date,
       coalesce(reused, false) as unchanged
from source_files
order by path, sheet
