-- One row per ingested file, created when its first rows are written and completed by finish_file.sql.
insert into source_files (source_file_id, path, sha256, size_bytes, format, encoding, delimiter, sheet,
                          header_row, kind, profile, status, message, load_method)
values (nextval('source_file_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'loading', ?, 'rows')
returning source_file_id;
