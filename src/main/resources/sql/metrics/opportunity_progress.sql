-- opportunity_progress: one row per opportunity: how far it got in the pipeline
-- (docs/metrics.md#funnel). reached_order = the furthest non-terminal stage entered (stage history,
-- else the current stage); a won deal reached every stage; a skipped stage counts as passed.
-- status is the state on the as-of date (a deal closed after it counts as open), so a run with an
-- earlier --as-of sees the pipeline as it stood then.
create or replace table opportunity_progress as
with stages as (select * from pipeline_stages),
open_stages as (select * from stages where not is_won and not is_lost),
has_history as (select count(*) > 0 as yes from opportunity_stage_history),
history_reach as (
    select h.opportunity_id, max(s.stage_order) as reached_order, max(h.entered_date) as last_stage_change_date
    from opportunity_stage_history h
    join open_stages s on lower(s.stage) = lower(h.stage)
    where h.entered_date <= (select as_of_date from run_parameters)
    group by h.opportunity_id
),
last_change as (
    select opportunity_id, max(entered_date) as last_change_date from opportunity_stage_history group by opportunity_id
),
current_reach as (
    select o.opportunity_id, s.stage_order as reached_order
    from opportunities o join open_stages s on lower(s.stage) = lower(o.stage)
),
account_segments as (
    select account_name, min(segment) as segment from accounts where segment is not null group by account_name
)
select o.opportunity_id,
       -- the state on the as-of date: a deal closed after it was still open then
       case when o.status <> 'open' and o.close_date > (select as_of_date from run_parameters) then 'open' else o.status end as status,
       o.stage, o.created_date, o.close_date, o.amount, o.rep_name, o.source,
       coalesce(o.segment, a.segment) as segment, o.product, o.account_name, o.source_file_id, o.source_row,
       case when o.status = 'won' and o.close_date <= (select as_of_date from run_parameters) then (select max(stage_order) from open_stages)
            else greatest(coalesce(h.reached_order, 0), coalesce(c.reached_order, 0)) end as reached_order,
       coalesce(l.last_change_date, o.created_date) as last_stage_change_date,
       (select yes from has_history) as from_history
from opportunities o
left join history_reach h using (opportunity_id)
left join current_reach c using (opportunity_id)
left join last_change l using (opportunity_id)
left join account_segments a on a.account_name = o.account_name
where o.currency is null or o.currency = (select currency from run_parameters);
