-- opportunity_progress: one row per opportunity: how far it got in the pipeline; written in lineage order
-- (file, row: model/OutputQuery) like every row-level table
-- (docs/metrics.md#funnel). reached_order = the furthest non-terminal stage entered by the as-of date (stage
-- history, else the current stage); a won deal reached every stage; a skipped stage counts as passed.
-- status is the state on the as-of date (a deal closed after it counts as open), so a run with an
-- earlier --as-of sees the pipeline as it stood then. reached_order is NULL for a deal outside the funnel's
-- pipeline (funnel_stages.sql): how far it got is measured against its own pipeline's stages, which the funnel does
-- not run through.
create or replace table opportunity_progress as
with stages as (select * from funnel_stages),
funnel_pipeline as (select (select min(pipeline) from funnel_stages) as pipeline),
open_stages as (select * from stages where not is_won and not is_lost),
has_history as (select count(*) > 0 as yes from stage_history_by_row),
-- A deal's history is that of its own row (file and row), so two rows with one id keep their own.
history_reach as (
    select h.source_file_id, h.source_row, max(s.stage_order) as reached_order
    from stage_history_by_row h
    join open_stages s on lower(s.stage) = lower(h.stage)
    where h.entered_date <= (select as_of_date from run_parameters)
    group by h.source_file_id, h.source_row
),
-- The stage each deal stood in on the as-of date and when it entered it, from the entries made by then: an export
-- taken after the as-of date (a planning packet as of the quarter's end) holds moves made since, which did not
-- happen yet on the as-of date.
as_of_stage as (
    select source_file_id, source_row, arg_max(stage, entered_date) as stage, max(entered_date) as last_change_date
    from stage_history_by_row
    where entered_date <= (select as_of_date from run_parameters)
    group by source_file_id, source_row
),
-- When the deal entered the stage it is in now, where its history says
current_entry as (
    select h.source_file_id, h.source_row, min(h.entered_date) as entered_date
    from stage_history_by_row h
    join opportunities o on o.source_file_id = h.source_file_id and o.source_row = h.source_row
     and lower(h.stage) = lower(o.stage)
    group by h.source_file_id, h.source_row
),
account_segments as (
    select account_name, min(segment) as segment from accounts where segment is not null group by account_name
)
select o.opportunity_id,
       -- the state on the as-of date: a deal closed after it was still open then
       case when o.status <> 'open' and o.close_date > (select as_of_date from run_parameters) then 'open' else o.status end as status,
       -- the stage on the as-of date: the export's, unless the deal entered it (or closed) after the as-of date
       case when ce.entered_date > (select as_of_date from run_parameters)
                 or (o.status <> 'open' and o.close_date > (select as_of_date from run_parameters))
            then coalesce(a.stage, o.stage) else o.stage end as stage,
       o.created_date, o.close_date, o.amount, o.rep_name, o.source,
       coalesce(o.segment, a.segment) as segment, o.product, o.account_name, o.source_file_id, o.source_row,
       case when o.pipeline is distinct from (select pipeline from funnel_pipeline)
                 and (select pipeline from funnel_pipeline) is not null then null
            when o.status = 'won' and o.close_date <= (select as_of_date from run_parameters) then (select max(stage_order) from open_stages)
            else greatest(coalesce(h.reached_order, 0),
                          case when ce.entered_date > (select as_of_date from run_parameters) then 0
                               else coalesce(c.stage_order, 0) end) end as reached_order,
       -- the stage history's last entry by the as-of date, else the export's own date of the last stage change
       -- (Pipedrive) when it is not after the as-of date, else the created date
       coalesce(a.last_change_date,
                case when o.last_stage_change_date <= (select as_of_date from run_parameters) then o.last_stage_change_date end,
                o.created_date) as last_stage_change_date,
       (select yes from has_history) as from_history,
       -- Open pipeline, the one definition every table that shows open deals uses (docs/metrics.md#open-pipeline):
       -- open on the as-of date and created on or before it (or with no created date); the currency filter is below.
       (case when o.status <> 'open' and o.close_date > (select as_of_date from run_parameters) then 'open' else o.status end) = 'open'
           and (o.created_date is null or o.created_date <= (select as_of_date from run_parameters)) as in_open_pipeline,
       o.pipeline
from opportunities o
left join history_reach h on h.source_file_id = o.source_file_id and h.source_row = o.source_row
left join open_stages c on lower(c.stage) = lower(o.stage)
left join as_of_stage a on a.source_file_id = o.source_file_id and a.source_row = o.source_row
left join current_entry ce on ce.source_file_id = o.source_file_id and ce.source_row = o.source_row
left join account_segments a on a.account_name = o.account_name
where o.currency is null or o.currency = (select currency from run_parameters);
