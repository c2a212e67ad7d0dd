-- The SHA-256 of a bulk-loaded CSV, known once its line scan (which hashes the file) has finished.
update source_files
set sha256 = ?
where source_file_id = ?;
