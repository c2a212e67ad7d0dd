-- stalled_deals: one row per open opportunity that is past its close date or has had no stage change
-- for stalled_days days (docs/metrics.md#stalled-deals), with the file and row it came from.
create or replace table stalled_deals as
with cal as (select * from period_calendar),
params as (select * from run_parameters)
select p.opportunity_id, o.opportunity_name, p.account_name, p.rep_name, p.stage, p.amount::decimal(18,2) as amount,
       p.close_date, p.last_stage_change_date,
       date_diff('day', p.last_stage_change_date, cal.as_of_date) as days_since_stage_change,
       case when p.close_date < cal.as_of_date then 'past close date'
            else 'no stage change in ' || params.stalled_days || '+ days' end as stall_reason,
       coalesce(f.relative_path, regexp_extract(f.path, '[^/]+$')) as source_file, p.source_row
from opportunity_progress p
join opportunities o on o.opportunity_id = p.opportunity_id and o.source_row = p.source_row and o.source_file_id = p.source_file_id
join source_files f on f.source_file_id = p.source_file_id
cross join cal cross join params
where p.in_open_pipeline
  and (p.close_date < cal.as_of_date or date_diff('day', p.last_stage_change_date, cal.as_of_date) >= params.stalled_days)
order by p.amount desc nulls last, p.opportunity_id, source_file, p.source_row;
