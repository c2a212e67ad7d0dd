-- lead_funnel: one row per lead stage (created, MQL, SQL, opportunity); leads created in T12M
-- (docs/metrics.md#lead-funnel). A lead with a later date counts as having passed the earlier stages.
create or replace table lead_funnel as
with cal as (select * from period_calendar),
cohort as (select l.* from leads l, cal where l.created_date between cal.t12m_start and cal.as_of_date),
reached as (
    select 'created' as lead_stage, 1 as stage_order, count(*) as reached_count,
           median(date_diff('day', created_date, coalesce(mql_date, sql_date))) as median_days_to_next from cohort
    union all
    select 'mql', 2, count(*) filter (where mql_date is not null or sql_date is not null or converted_opportunity_id is not null),
           median(date_diff('day', mql_date, sql_date)) from cohort
    union all
    select 'sql', 3, count(*) filter (where sql_date is not null or converted_opportunity_id is not null), null from cohort
    union all
    select 'opportunity', 4, count(*) filter (where converted_opportunity_id is not null), null from cohort
)
select lead_stage, stage_order, reached_count,
       lead(reached_count) over (order by stage_order) / nullif(reached_count, 0) as conversion_rate,
       median_days_to_next
from reached
where (select count(*) from cohort) > 0
order by stage_order;
