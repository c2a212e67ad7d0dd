-- The name outputs give a file in their lineage. Parameters: the relative path, the file's source_file_id.
update source_files
set relative_path = ?
where source_file_id = ?;
