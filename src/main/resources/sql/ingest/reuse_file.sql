-- The earlier load of an unchanged file is kept: its rows, rejects and accounting stay (the parameter: its id).
update source_files
set reused = true
where source_file_id = ?;
