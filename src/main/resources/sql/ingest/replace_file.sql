-- Removes everything a previous ingest of the same file path loaded, so re-ingesting replaces rows.
-- Every statement takes the file path and a workbook sheet: null removes the whole file (every sheet), a sheet name
-- only that sheet's rows (a workbook's later data sheet, read after its first: the first's rows stay).
delete from opportunities where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from stage_entries where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from source_file_stages where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from accounts where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from reps where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from stage_changes where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from activities where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from users where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from leads where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from revenue_lines where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from skipped_documents where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from file_pipeline_stages where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from rejects where source_file_id in (select source_file_id from source_files where path = ? and sheet is not distinct from coalesce(?, sheet));
delete from source_files where path = ? and sheet is not distinct from coalesce(?, sheet);
