-- funnel_stages: the stages the funnel runs through, in pipeline order (docs/metrics.md#funnel), and the pipeline
-- it is of. Each CRM pipeline has stages of its own (Pipedrive's and HubSpot's deals say which pipeline they are
-- in); one sequence through the stages of several would count a deal as passing stages of other pipelines. So where
-- the deals in the run's currency are in more than one pipeline, the funnel is that of the pipeline holding the most
-- of them (by name on a tie), through the stages its deals stand in or passed; otherwise every stage, pipeline NULL.
-- order_known: whether one rule ordered all its open stages (pipeline_stages.order_basis): the profile's declaration
-- with the CRM's forecast categories placing the org's own stages among it, or the pipeline words in the labels, or
-- the CRM's probabilities. Where stages were placed by different rules, or by none, where one goes relative to the
-- others is a guess, and so is every count of deals that reached a stage: the funnel is not computed then, unless
-- the CRM's own win probabilities (the deals' average per stage) rise with every step of the order, which confirms it.
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
),
stages as (
    select s.stage, s.stage_order, s.is_won, s.is_lost, f.pipeline,
           s.order_basis, s.word_rank
    from pipeline_stages s, funnel_pipeline f
    where f.pipeline is null or lower(s.stage) in (select stage from pipeline_stage_names)
),
-- the deals' average win probability per stage, as exported ("10", "10%", 0.1)
stage_probabilities as (
    select lower(stage) as stage, avg(try_cast(trim(replace(probability, '%', '')) as double)) as probability
    from opportunities where stage is not null group by lower(stage)
),
-- the rule that placed each open stage; words another open stage of the funnel shares place neither
ruled as (
    select s.*,
           case when s.is_won or s.is_lost then null
                when s.order_basis in ('declared', 'forecast category') then 'configured'
                when s.order_basis = 'stage words' and exists (
                    select 1 from stages o where o.stage <> s.stage and o.word_rank = s.word_rank
                      and not o.is_won and not o.is_lost) then 'unknown'
                else coalesce(s.order_basis, 'unknown') end as order_rule
    from stages s
),
open_probabilities as (
    select r.stage_order, p.probability,
           lag(p.probability) over (order by r.stage_order) as previous_probability
    from ruled r left join stage_probabilities p on p.stage = lower(r.stage)
    where r.order_rule is not null
)
select stage, stage_order, is_won, is_lost, pipeline, order_rule,
       (select count(*) <= 1 or (count(distinct order_rule) = 1 and bool_and(order_rule <> 'unknown'))
        from ruled where order_rule is not null)
       or (select count(probability) = count(*)
                  and coalesce(bool_and(probability > previous_probability) filter (where previous_probability is not null), true)
           from open_probabilities) as order_known
from ruled
order by stage_order;

-- Whether a deal reached an open stage (docs/metrics.md#funnel): it is at that stage or a later one (its
-- reached_order, from stage history or the current stage), and every deal reached the first, a lost one whose
-- furthest stage is unknown (no stage history) too. Defined here, not in macros.sql, because a macro binds its tables
-- when created: these are the funnel's stages.
create or replace macro reached_stage(deal_order, at_order) as
    deal_order >= at_order
    or at_order = (select min(stage_order) from funnel_stages where not is_won and not is_lost);

-- Whether the funnel's stage order is known (order_known above); true without stages.
create or replace macro funnel_order_known() as coalesce((select bool_and(order_known) from funnel_stages), true);
