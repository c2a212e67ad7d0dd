-- Final accounting and status of one file.
update source_files
set rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_skipped = ?, min_date = ?, max_date = ?,
    status = ?, message = ?, loaded_at = current_timestamp
where source_file_id = ?;
