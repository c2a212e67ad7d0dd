-- A file the user left out of the run (exclude: in the job file, --exclude): listed in the inventory with the
-- glob that matched, nothing read from it. Parameters: path, size, format, message.
insert into source_files (source_file_id, path, sha256, size_bytes, format, kind, status, message, loaded_at)
values (nextval('source_file_seq'), ?, '', ?, ?, 'excluded', 'excluded', ?, current_timestamp);
