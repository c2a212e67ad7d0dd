-- bench-ingest: rows read, loaded, rejected and skipped over the files loaded.
select sum(rows_read), sum(rows_loaded), sum(rows_rejected), sum(rows_skipped)
from source_files
