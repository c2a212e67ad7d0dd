-- Final accounting and status of one file (its business date range is source_file_dates.sql's).
update source_files
set rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ?,
    status = ?, message = ?, loaded_at = current_timestamp
where source_file_id = ?;
