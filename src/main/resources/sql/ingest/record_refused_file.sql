-- A file in an input folder that looks like an export but is not read (a link out of the folder, a FIFO, a
-- RevLens output folder inside the input folder...): listed with why, nothing read. Parameters: path, format, message.
insert into source_files (source_file_id, path, sha256, size_bytes, format, kind, status, message, loaded_at)
values (nextval('source_file_seq'), ?, '', 0, ?, 'unknown', 'refused', ?, current_timestamp);
