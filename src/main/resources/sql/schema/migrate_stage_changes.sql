-- Databases written before stage history could come from a file of its own (stage_changes), or before its changes
-- were joined by the deal's name, hold an older view: replaced once, when opened (Workspace.applySchema).
-- canonical.sql holds the same definition.
create or replace view stage_history_by_row as
select e.source_file_id, e.source_row, s.stage, e.entered_date
from stage_entries e
join source_file_stages s on s.source_file_id = e.source_file_id and s.stage_index = e.stage_index
union all
select o.source_file_id, o.source_row, c.stage, min(c.entered_date) as entered_date
from stage_changes c
join opportunities o on o.opportunity_id = c.opportunity_id
group by o.source_file_id, o.source_row, c.stage
union all
-- A change whose deal id no loaded deal has, by the deal's name: a Salesforce opportunity report without the
-- Opportunity ID column beside a history report with it. Only a name one deal and one history id carry.
select o.source_file_id, o.source_row, c.stage, min(c.entered_date) as entered_date
from stage_changes c
join opportunities o on o.opportunity_name = c.opportunity_name
where c.opportunity_id not in (select opportunity_id from opportunities where opportunity_id is not null)
  and c.opportunity_name in (select opportunity_name from opportunities group by opportunity_name having count(*) = 1)
  and c.opportunity_name in (select opportunity_name from stage_changes group by opportunity_name
                             having count(distinct opportunity_id) = 1)
group by o.source_file_id, o.source_row, c.stage;
