-- Every file an earlier run loaded into this database, with what decides whether its load can be kept
-- (ExportRowReader): its content hash and size, its load key, its profile and its row accounting.
select source_file_id, path, sheet, sha256, size_bytes, load_key, kind, profile, status, message,
       rows_read, rows_loaded, rows_rejected, rows_skipped
from source_files
order by source_file_id;
