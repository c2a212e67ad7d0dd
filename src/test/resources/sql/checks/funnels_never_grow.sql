-- A later funnel stage never holds more than an earlier one. Returns the stage that does.
select 'lead_funnel' as table_name, lead_stage as stage, reached_count, previous
from (select lead_stage, reached_count, lag(reached_count) over (order by stage_order) as previous from lead_funnel)
where reached_count > previous
union all
select 'stage_funnel', stage, reached_count, previous
from (select stage, reached_count, lag(reached_count) over (order by stage_order) as previous from stage_funnel)
where reached_count > previous;
