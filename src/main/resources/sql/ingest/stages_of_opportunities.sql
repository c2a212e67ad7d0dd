-- The stages a deals file loaded, with whether a deal in each is won or lost (each parameter: its source_file_id):
-- the deals' current stages, then the stages with a history entry (by distinct index first: far fewer values to
-- join than entries).
select stage, bool_or(status = 'won'), bool_or(status = 'lost')
from opportunities
where source_file_id = ? and stage is not null
group by stage
union all
select stage, false, false
from source_file_stages
where source_file_id = ?
  and stage_index in (select distinct stage_index from stage_entries where source_file_id = ?);
