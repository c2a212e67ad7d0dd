-- The funnel runs through one pipeline (funnel_stages.sql): a deal has a reached order exactly when it is in the
-- funnel's pipeline (every deal when there is none), and the first stage's cohort is that pipeline's deals created
-- in T12M. Returns the deals and the stage count that break it. (Without open stages there is no order to reach.)
with funnel as (select min(pipeline) as pipeline from funnel_stages),
open_stages as (select * from funnel_stages where not is_won and not is_lost),
misplaced as (
    select 'deal ' || p.opportunity_id || ' in pipeline ' || coalesce(p.pipeline, '(none)')
           || case when p.reached_order is null then ' has no reached order' else ' has a reached order' end as problem
    from opportunity_progress p, funnel f
    where (f.pipeline is null or p.pipeline is not distinct from f.pipeline) <> (p.reached_order is not null)
      and exists (select 1 from open_stages)
),
first_stage as (
    select reached_count from stage_funnel where stage_order = (select min(stage_order) from open_stages)
),
cohort as (
    select count(*) as n from opportunity_progress p, funnel f, period_calendar c
    where p.created_date between c.t12m_start and c.as_of_date
      and (f.pipeline is null or p.pipeline is not distinct from f.pipeline)
)
select problem from misplaced
union all
select 'first stage reached by ' || s.reached_count || ', cohort ' || c.n from first_stage s, cohort c
where s.reached_count <> c.n;
