-- The stages a stage-history file loaded (the parameter: its source_file_id).
select distinct stage
from stage_changes
where source_file_id = ?;
