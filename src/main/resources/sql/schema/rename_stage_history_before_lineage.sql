-- A database written before stage history was stored by lineage holds opportunity_stage_history as a table: it is
-- renamed so that canonical.sql can create the current form under that name, and migrate_stage_history.sql then
-- moves its rows.
alter table opportunity_stage_history rename to stage_history_before_lineage
