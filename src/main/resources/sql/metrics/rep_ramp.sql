-- rep_ramp: one row per rep with a hire date (docs/metrics.md#ramp). Windows are days since hire:
-- 0-30, 31-60, 61-90. Ramp is judged on pipeline created (value of opportunities the rep created),
-- a leading measure that is not dominated by cycle length the way 90-day bookings are; bookings are
-- shown beside it. Benchmark = median of reps hired earlier inside the data at the same tenure
-- (at least 2), else the tenured team's steady-state pipeline per 30 days. Behind ramp = below
-- ramp_threshold of the benchmark at day 60 or day 90.
create or replace table rep_ramp as
with cal as (select * from period_calendar),
params as (select * from run_parameters),
data_start as (select min(created_date) as d from opportunities),
hired as (
    select rep_name, hire_date, end_date from reps where hire_date is not null
    qualify row_number() over (partition by rep_name order by hire_date desc, end_date desc nulls first) = 1
),
opps as (select * from opportunity_progress),
windows as (
    select h.rep_name, h.hire_date, date_diff('day', h.hire_date, cal.as_of_date) as tenure_days,
           count(o.opportunity_id) filter (where date_diff('day', h.hire_date, o.created_date) between 0 and 30) as opps_d0_30,
           count(o.opportunity_id) filter (where date_diff('day', h.hire_date, o.created_date) between 31 and 60) as opps_d31_60,
           count(o.opportunity_id) filter (where date_diff('day', h.hire_date, o.created_date) between 61 and 90) as opps_d61_90,
           coalesce(sum(o.amount) filter (where date_diff('day', h.hire_date, o.created_date) between 0 and 30), 0) as pipeline_d0_30,
           coalesce(sum(o.amount) filter (where date_diff('day', h.hire_date, o.created_date) between 31 and 60), 0) as pipeline_d31_60,
           coalesce(sum(o.amount) filter (where date_diff('day', h.hire_date, o.created_date) between 61 and 90), 0) as pipeline_d61_90,
           count(o.opportunity_id) filter (where o.status = 'won' and date_diff('day', h.hire_date, o.close_date) between 0 and 30) as won_d0_30,
           count(o.opportunity_id) filter (where o.status = 'won' and date_diff('day', h.hire_date, o.close_date) between 31 and 60) as won_d31_60,
           count(o.opportunity_id) filter (where o.status = 'won' and date_diff('day', h.hire_date, o.close_date) between 61 and 90) as won_d61_90,
           coalesce(sum(o.amount) filter (where o.status = 'won' and date_diff('day', h.hire_date, o.close_date) between 0 and 30), 0) as bookings_d0_30,
           coalesce(sum(o.amount) filter (where o.status = 'won' and date_diff('day', h.hire_date, o.close_date) between 31 and 60), 0) as bookings_d31_60,
           coalesce(sum(o.amount) filter (where o.status = 'won' and date_diff('day', h.hire_date, o.close_date) between 61 and 90), 0) as bookings_d61_90,
           min(date_diff('day', h.hire_date, o.created_date)) filter (where o.created_date >= h.hire_date) as days_to_first_opportunity,
           min(date_diff('day', h.hire_date, o.close_date)) filter (where o.status = 'won' and o.close_date >= h.hire_date) as days_to_first_win,
           coalesce(sum(o.amount) filter (where o.created_date between cal.t12m_start and cal.as_of_date), 0) as pipeline_t12m
    from hired h
    cross join cal
    left join opps o on o.rep_name = h.rep_name and o.created_date <= cal.as_of_date
    group by h.rep_name, h.hire_date, cal.as_of_date
),
measured as (
    select *, pipeline_d0_30 + pipeline_d31_60 as pipeline_to_d60,
           pipeline_d0_30 + pipeline_d31_60 + pipeline_d61_90 as pipeline_to_d90,
           bookings_d0_30 + bookings_d31_60 as bookings_to_d60,
           bookings_d0_30 + bookings_d31_60 + bookings_d61_90 as bookings_to_d90,
           hire_date >= (select d from data_start) as hired_inside_data
    from windows
),
peers as (
    select r.rep_name, count(p.rep_name) as peer_count,
           median(p.pipeline_to_d60) as peer_d60, median(p.pipeline_to_d90) as peer_d90
    from measured r
    left join measured p on p.hired_inside_data and p.hire_date < r.hire_date and p.tenure_days >= 90
    group by r.rep_name
),
tenured as (
    select median(pipeline_t12m) / 365.0 * 30 as per_30_days
    from measured m join hired h using (rep_name), cal
    where m.tenure_days >= 365 and (h.end_date is null or h.end_date > cal.as_of_date)
),
benchmarked as (
    select m.*,
           case when p.peer_count >= 2 then p.peer_d60 else (select per_30_days from tenured) * 2 end as benchmark_d60,
           case when p.peer_count >= 2 then p.peer_d90 else (select per_30_days from tenured) * 3 end as benchmark_d90,
           case when p.peer_count >= 2 then 'median of ' || p.peer_count || ' earlier hires at the same tenure'
                else 'tenured team steady state per 30 days' end as benchmark_basis
    from measured m join peers p using (rep_name)
),
final as (
    select * replace (
               case when hired_inside_data then days_to_first_opportunity end as days_to_first_opportunity,
               case when hired_inside_data then days_to_first_win end as days_to_first_win),
           case when hired_inside_data and tenure_days >= 60 then pipeline_to_d60 / nullif(benchmark_d60, 0) end as share_of_benchmark_d60,
           case when hired_inside_data and tenure_days >= 90 then pipeline_to_d90 / nullif(benchmark_d90, 0) end as share_of_benchmark_d90
    from benchmarked
)
select f.rep_name, f.hire_date, f.tenure_days, f.hired_inside_data,
       -- the first 90 days of a rep hired before the data starts are not in the data: unknown, not 0
       case when f.hired_inside_data then f.opps_d0_30 end as opps_d0_30, case when f.hired_inside_data then f.opps_d31_60 end as opps_d31_60, case when f.hired_inside_data then f.opps_d61_90 end as opps_d61_90,
       case when f.hired_inside_data then f.pipeline_d0_30 end::decimal(18,2) as pipeline_d0_30, case when f.hired_inside_data then f.pipeline_d31_60 end::decimal(18,2) as pipeline_d31_60,
       case when f.hired_inside_data then f.pipeline_d61_90 end::decimal(18,2) as pipeline_d61_90,
       case when f.hired_inside_data then f.won_d0_30 end as won_d0_30, case when f.hired_inside_data then f.won_d31_60 end as won_d31_60, case when f.hired_inside_data then f.won_d61_90 end as won_d61_90,
       case when f.hired_inside_data then f.bookings_d0_30 end::decimal(18,2) as bookings_d0_30, case when f.hired_inside_data then f.bookings_d31_60 end::decimal(18,2) as bookings_d31_60,
       case when f.hired_inside_data then f.bookings_d61_90 end::decimal(18,2) as bookings_d61_90,
       case when f.hired_inside_data then f.bookings_to_d60 end::decimal(18,2) as bookings_to_d60, case when f.hired_inside_data then f.bookings_to_d90 end::decimal(18,2) as bookings_to_d90,
       case when f.hired_inside_data then f.pipeline_to_d60 end::decimal(18,2) as pipeline_to_d60, case when f.hired_inside_data then f.pipeline_to_d90 end::decimal(18,2) as pipeline_to_d90,
       f.benchmark_d60::decimal(18,2) as benchmark_d60, f.benchmark_d90::decimal(18,2) as benchmark_d90,
       f.benchmark_basis, f.share_of_benchmark_d60, f.share_of_benchmark_d90,
       f.days_to_first_opportunity, f.days_to_first_win,
       case when not f.hired_inside_data then 'ramped'
            when f.tenure_days > 365 then 'ramped'
            when f.tenure_days < 60 then 'too early'
            when coalesce(f.share_of_benchmark_d90, 1) < params.ramp_threshold
              or coalesce(f.share_of_benchmark_d60, 1) < params.ramp_threshold then 'behind ramp'
            else 'on track' end as ramp_status,
       -- The window that decided the status, the one every sentence about it states: the latest window below
       -- the threshold when behind (day 90, else day 60), else the latest window measured.
       w.window_days as ramp_window_days,
       (case w.window_days when 90 then f.pipeline_to_d90 when 60 then f.pipeline_to_d60 end)::decimal(18,2) as ramp_pipeline,
       (case w.window_days when 90 then f.benchmark_d90 when 60 then f.benchmark_d60 end)::decimal(18,2) as ramp_benchmark,
       case w.window_days when 90 then f.share_of_benchmark_d90 when 60 then f.share_of_benchmark_d60 end as ramp_share
from final f, params,
lateral (select case when f.share_of_benchmark_d90 < params.ramp_threshold then 90
                     when f.share_of_benchmark_d60 < params.ramp_threshold then 60
                     when f.share_of_benchmark_d90 is not null then 90
                     when f.share_of_benchmark_d60 is not null then 60 end as window_days) w
order by f.hire_date desc, f.rep_name;
