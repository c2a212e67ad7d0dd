-- The stages a deals file loaded, with how many deals are in each and how many of them are won and lost (each
-- parameter: its source_file_id):
-- the deals' current stages, then the stages with a history entry (by distinct index first: far fewer values to
-- join than entries).
select stage, count(*), count(*) filter (where status = 'won'), count(*) filter (where status = 'lost')
from opportunities
where source_file_id = ? and stage is not null
group by stage
union all
select stage, 0, 0, 0
from source_file_stages
where source_file_id = ?
  and stage_index in (select distinct stage_index from stage_entries where source_file_id = ?);
