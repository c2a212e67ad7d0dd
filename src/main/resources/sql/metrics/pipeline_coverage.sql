-- pipeline_coverage: one row for the next quarter (docs/metrics.md#coverage). Coverage = open pipeline
-- expected to close next quarter / target, where target = the quarterly quotas of active reps.
-- NULL when no quotas are given. Required pipeline = target / T12M win rate.
create or replace table pipeline_coverage as
with cal as (select * from period_calendar),
target as (
    select sum(r.quarterly_quota) as target from reps r, cal
    where (r.end_date is null or r.end_date > cal.as_of_date) and r.quarterly_quota > 0
),
pipe as (
    select coalesce(sum(amount), 0) as open_pipeline from opportunity_progress, cal
    where in_open_pipeline and close_date between cal.next_quarter_start and cal.next_quarter_end
)
select cal.next_quarter_start as quarter_start, cal.next_quarter_end as quarter_end,
       pipe.open_pipeline::decimal(18,2) as open_pipeline,
       target.target::decimal(18,2) as target,
       pipe.open_pipeline / nullif(target.target, 0) as coverage_ratio,
       (target.target / nullif((select win_rate from win_rate_summary), 0))::decimal(18,2) as required_pipeline
from cal, target, pipe;
