-- How a CSV handed over whole was loaded: 'bulk' (DuckDB's reader and SQL) or 'rows' (row by row).
update source_files
set load_method = ?
where source_file_id = ?;
