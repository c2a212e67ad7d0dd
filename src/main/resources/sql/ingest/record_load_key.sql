-- What the file's load depended on (the parameters: the load key, the file's id); a fresh load is not reused.
update source_files
set load_key = ?, reused = false
where source_file_id = ?;
