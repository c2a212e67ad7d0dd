-- Databases written before stage history could come from a file of its own (stage_changes) hold the view
-- without it: replaced once, when opened (Workspace.applySchema). canonical.sql holds the same definition.
create or replace view stage_history_by_row as
select e.source_file_id, e.source_row, s.stage, e.entered_date
from stage_entries e
join source_file_stages s on s.source_file_id = e.source_file_id and s.stage_index = e.stage_index
union all
select o.source_file_id, o.source_row, c.stage, min(c.entered_date) as entered_date
from stage_changes c
join opportunities o on o.opportunity_id = c.opportunity_id
group by o.source_file_id, o.source_row, c.stage;
