-- The run summary's list of files and how each one ended.
select path, relative_path, format, kind, profile, status, message, encoding, delimiter, sheet, header_row,
       rows_read, rows_loaded, rows_rejected, rows_skipped, min_date, max_date
from source_files
order by path, sheet
