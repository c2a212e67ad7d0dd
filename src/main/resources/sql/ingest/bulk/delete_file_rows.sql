-- Takes back the rows SQL loaded from a file (the parameter: its source_file_id) before it is staged again as text.
delete from {{table}}
where source_file_id = ?;
