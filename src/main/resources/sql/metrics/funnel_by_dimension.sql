-- funnel_by_dimension: one row per source, segment and rep value per open stage; cohort = created in
-- T12M (docs/metrics.md#funnel), same rules and pipeline as stage_funnel.
create or replace table funnel_by_dimension as
with cal as (select * from period_calendar),
stages as (select stage, stage_order from funnel_stages where not is_won and not is_lost),
cohort as (
    select p.* from opportunity_progress p, cal
    where p.created_date between cal.t12m_start and cal.as_of_date and p.reached_order is not null
),
long as (
    select 'source' as dimension, coalesce(source, '(none)') as dimension_value, * from cohort
    union all select 'segment', coalesce(segment, '(none)'), * from cohort
    union all select 'rep', coalesce(rep_name, '(none)'), * from cohort
),
sizes as (select dimension, dimension_value, count(*) as n from long group by all)
select l.dimension, l.dimension_value, s.stage, s.stage_order,
       count(*) filter (where reached_stage(l.reached_order, s.stage_order)) as reached_count,
       count(*) filter (where reached_stage(l.reached_order, s.stage_order)) / max(z.n) as reached_share,
       -- NULL without stage history (a lost deal's furthest stage is unknown), as in stage_funnel
       case when (select count(*) from stage_history_by_row) > 0 then
       win_rate(count(*) filter (where l.reached_order > s.stage_order or (l.status = 'won' and l.reached_order >= s.stage_order)),
                count(*) filter (where l.reached_order > s.stage_order or (l.status = 'won' and l.reached_order >= s.stage_order))
                    + count(*) filter (where l.status = 'lost' and l.reached_order = s.stage_order)) end as conversion_rate
from long l
join sizes z using (dimension, dimension_value)
cross join stages s
where funnel_order_known()
group by l.dimension, l.dimension_value, s.stage, s.stage_order
order by l.dimension, l.dimension_value, s.stage_order;
