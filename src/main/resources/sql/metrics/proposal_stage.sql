-- proposal_stage: one row: the stage the proposal-stage win rate is measured at (docs/metrics.md#win-rate), the
-- one choice every metric uses: the first open stage whose name contains "proposal", else the stage in the
-- middle of the open pipeline, among the funnel's stages (funnel_stages.sql). NULL when there are no open stages, or
-- when their order is a guess: which deals reached the proposal stage is not known then.
create or replace table proposal_stage as
with stages as (select stage, stage_order from funnel_stages where not is_won and not is_lost and funnel_order_known())
select coalesce(
           (select stage from stages where lower(stage) like '%proposal%' order by stage_order limit 1),
           (select stage from stages order by stage_order limit 1 offset (select (count(*) / 2)::int from stages))) as stage,
       (select stage_order from stages s where s.stage = coalesce(
           (select stage from stages where lower(stage) like '%proposal%' order by stage_order limit 1),
           (select stage from stages order by stage_order limit 1 offset (select (count(*) / 2)::int from stages)))) as stage_order;
