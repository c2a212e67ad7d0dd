-- Removes everything a previous ingest of the same file path loaded, so re-ingesting replaces rows.
-- Every statement takes the file path as its only parameter.
delete from opportunities where source_file_id in (select source_file_id from source_files where path = ?);
delete from stage_entries where source_file_id in (select source_file_id from source_files where path = ?);
delete from source_file_stages where source_file_id in (select source_file_id from source_files where path = ?);
delete from accounts where source_file_id in (select source_file_id from source_files where path = ?);
delete from reps where source_file_id in (select source_file_id from source_files where path = ?);
delete from stage_changes where source_file_id in (select source_file_id from source_files where path = ?);
delete from activities where source_file_id in (select source_file_id from source_files where path = ?);
delete from users where source_file_id in (select source_file_id from source_files where path = ?);
delete from leads where source_file_id in (select source_file_id from source_files where path = ?);
delete from revenue_lines where source_file_id in (select source_file_id from source_files where path = ?);
delete from file_pipeline_stages where source_file_id in (select source_file_id from source_files where path = ?);
delete from rejects where source_file_id in (select source_file_id from source_files where path = ?);
delete from source_files where path = ?;
