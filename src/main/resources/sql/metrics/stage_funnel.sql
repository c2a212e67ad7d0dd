-- stage_funnel: one row per open stage in pipeline order plus the won stage; cohort = opportunities
-- created in T12M (docs/metrics.md#funnel). A deal that reached a later stage passed the earlier ones.
-- conversion_rate = advanced / (advanced + lost at this stage); deals still open at the stage are left out.
-- The stages and deals are those of the funnel's pipeline (funnel_stages.sql).
-- median_days_to_next uses stage history (days from entering the stage to entering a later one).
create or replace table stage_funnel as
with cal as (select * from period_calendar),
stages as (select stage, stage_order from funnel_stages where not is_won and not is_lost),
won_stage as (select coalesce((select min(stage) from funnel_stages where is_won), 'Won') as stage),
max_order as (select coalesce(max(stage_order), 0) as m from stages),
cohort as (
    select p.* from opportunity_progress p, cal
    where p.created_date between cal.t12m_start and cal.as_of_date and p.reached_order is not null
),
cohort_size as (select count(*) as n from cohort),
entered as (
    select h.source_file_id, h.source_row, s.stage_order, min(h.entered_date) as entered_date
    from stage_history_by_row h
    join funnel_stages s on lower(s.stage) = lower(h.stage)
    join cohort c on c.source_file_id = h.source_file_id and c.source_row = h.source_row
    group by h.source_file_id, h.source_row, s.stage_order
),
days_to_next as (
    select e.stage_order, median(date_diff('day', e.entered_date, nxt.next_date)) as median_days
    from entered e
    join lateral (
        select min(e2.entered_date) as next_date from entered e2
        where e2.source_file_id = e.source_file_id and e2.source_row = e.source_row and e2.stage_order > e.stage_order
    ) nxt on nxt.next_date is not null
    group by e.stage_order
),
open_rows as (
    select s.stage, s.stage_order,
           count(c.opportunity_id) filter (where reached_stage(c.reached_order, s.stage_order)) as reached_count,
           count(c.opportunity_id) filter (where c.reached_order > s.stage_order or (c.status = 'won' and c.reached_order >= s.stage_order)) as advanced_count,
           count(c.opportunity_id) filter (where c.status = 'lost' and c.reached_order = s.stage_order) as lost_here_count
    from stages s left join cohort c on true
    group by s.stage, s.stage_order
),
won_row as (
    select w.stage, m.m + 1 as stage_order, count(c.opportunity_id) filter (where c.status = 'won') as reached_count,
           null::bigint as advanced_count, null::bigint as lost_here_count
    from won_stage w, max_order m left join cohort c on true
    group by w.stage, m.m
),
all_rows as (select * from open_rows union all select * from won_row)
select r.stage, r.stage_order, r.reached_count,
       r.reached_count / nullif((select n from cohort_size), 0) as reached_share,
       r.advanced_count, r.lost_here_count,
       -- a conversion is a win rate at a stage: the same definition (NULL without lost deals); NULL without stage
       -- history too, where a lost deal's furthest stage is unknown and every stage would read 100%
       case when (select count(*) from stage_history_by_row) > 0
            then win_rate(r.advanced_count, r.advanced_count + r.lost_here_count) end as conversion_rate,
       d.median_days as median_days_to_next,
       case when (select count(*) from stage_history_by_row) > 0 then 'stage_history' else 'current_stage' end as funnel_basis
from all_rows r left join days_to_next d using (stage_order)
-- no deal with a created date: there is no cohort, so no funnel (metric_status says why), rather than zeros; nor
-- when the stages' order is a guess (funnel_stages.sql)
where (select count(created_date) from opportunities) > 0 and funnel_order_known()
order by r.stage_order;
