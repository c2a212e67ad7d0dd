-- Stages no file in the database brings any more (its file was deleted from the input folder, or replaced by an
-- export without that stage) leave the pipeline order, unless a loaded row is still in them (a database written
-- before file_pipeline_stages existed); the remaining stages are numbered again without gaps (won and lost
-- share the last number, as when they were written).
delete from pipeline_stages
where lower(stage) not in (select lower(stage) from file_pipeline_stages)
  and lower(stage) not in (select lower(stage) from opportunities where stage is not null)
  and lower(stage) not in (select lower(stage) from stage_changes where stage is not null);

update pipeline_stages set stage_order = n.new_order
from (select stage, dense_rank() over (order by stage_order) as new_order from pipeline_stages) n
where n.stage = pipeline_stages.stage and pipeline_stages.stage_order <> n.new_order;
