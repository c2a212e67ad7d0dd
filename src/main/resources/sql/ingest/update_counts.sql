-- Row accounting so far, written in the same transaction as the chunk's rows.
update source_files
set rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ?
where source_file_id = ?;
