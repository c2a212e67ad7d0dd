-- funnel_stages: the stages the funnel runs through, in pipeline order (docs/metrics.md#funnel), and the pipeline
-- it is of. Each CRM pipeline has stages of its own (Pipedrive's and HubSpot's deals say which pipeline they are
-- in); one sequence through the stages of several would count a deal as passing stages of other pipelines. So where
-- the deals in the run's currency are in more than one pipeline, the funnel is that of the pipeline holding the most
-- of them (by name on a tie), through the stages its deals stand in or passed; otherwise every stage, pipeline NULL.
create or replace table funnel_stages as
with deals as (
    select o.source_file_id, o.source_row, o.stage, o.pipeline from opportunities o, run_parameters p
    where o.currency is null or o.currency = p.currency
),
pipelines as (select pipeline, count(*) as deals from deals where pipeline is not null group by pipeline),
funnel_pipeline as (
    select case when (select count(*) from pipelines) > 1
                then (select pipeline from pipelines order by deals desc, pipeline limit 1) end as pipeline
),
pipeline_deals as (select d.* from deals d join funnel_pipeline f on d.pipeline = f.pipeline),
pipeline_stage_names as (
    select lower(stage) as stage from pipeline_deals where stage is not null
    union
    select lower(h.stage) from stage_history_by_row h
    join pipeline_deals d on d.source_file_id = h.source_file_id and d.source_row = h.source_row
)
select s.stage, s.stage_order, s.is_won, s.is_lost, f.pipeline
from pipeline_stages s, funnel_pipeline f
where f.pipeline is null or lower(s.stage) in (select stage from pipeline_stage_names)
order by s.stage_order;

-- Whether a deal reached an open stage (docs/metrics.md#funnel): it is at that stage or a later one (its
-- reached_order, from stage history or the current stage), and every deal reached the first, a lost one whose
-- furthest stage is unknown (no stage history) too. Defined here, not in macros.sql, because a macro binds its tables
-- when created: these are the funnel's stages.
create or replace macro reached_stage(deal_order, at_order) as
    deal_order >= at_order
    or at_order = (select min(stage_order) from funnel_stages where not is_won and not is_lost);
