-- pipeline_coverage: one row for the next quarter (docs/metrics.md#coverage). Coverage = open pipeline
-- expected to close next quarter / target, where target = the quarterly quotas of active reps.
-- NULL when no quotas are given; the open pipeline NULL when it is unknown (open deals without amounts or expected
-- close dates). Required pipeline = target / T12M win rate.
create or replace table pipeline_coverage as
with cal as (select * from period_calendar),
target as (
    select sum(r.quarterly_quota) as target from reps r, cal
    where (r.end_date is null or r.end_date > cal.as_of_date) and r.quarterly_quota > 0
),
pipe as (
    -- unknown, not $0: open deals without amounts or expected close dates, or next quarter's deals without amounts
    select case when open_amounts_exported() and open_close_dates_exported() and (count(*) = 0 or count(amount) > 0)
                then coalesce(sum(amount), 0) end as open_pipeline
    from opportunity_progress, cal
    where in_open_pipeline and close_date between cal.next_quarter_start and cal.next_quarter_end
)
select cal.next_quarter_start as quarter_start, cal.next_quarter_end as quarter_end,
       pipe.open_pipeline::decimal(18,2) as open_pipeline,
       target.target::decimal(18,2) as target,
       pipe.open_pipeline / nullif(target.target, 0) as coverage_ratio,
       (target.target / nullif((select win_rate from win_rate_summary), 0))::decimal(18,2) as required_pipeline
from cal, target, pipe;
