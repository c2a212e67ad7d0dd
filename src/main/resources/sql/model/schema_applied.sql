-- The schema version the database was last brought to (Workspace.applySchema); no row when none was recorded.
select scripts_sha256 from schema_applied
