-- rep_ramp_activity: one row per rep hired inside the activity data (on or after the first activity of the exports)
-- (docs/metrics.md#ramp): activities done (the rep_weekly_activity definition: activity_is_done, dated up to the
-- as-of date) in days 0-30, 31-60 and 61-90 after hire, NULL for a window the as-of date has not reached yet; and
-- for each window the benchmark, the median of reps hired earlier inside the activity data who have completed it
-- (at least 2, else NULL: a new rep is judged on weekly activity against earlier hires, never against a guess).
-- Ordered by hire date, rep.
create or replace table rep_ramp_activity as
with params as (select * from run_parameters),
first_activity as (select min(activity_date) as first_date from activities),
hired as (
    select rep_name, max(hire_date) as hire_date from reps where hire_date is not null group by rep_name
),
inside as (
    select h.* from hired h, first_activity f where h.hire_date >= f.first_date
),
done as (
    select a.rep_name, a.activity_date from activities a, params p
    where activity_is_done(a.status) and a.activity_date <= p.as_of_date
),
windows as (
    select i.rep_name, i.hire_date,
           case when i.hire_date + 30 <= p.as_of_date
                then count(d.activity_date) filter (where date_diff('day', i.hire_date, d.activity_date) between 0 and 30) end as activities_d0_30,
           case when i.hire_date + 60 <= p.as_of_date
                then count(d.activity_date) filter (where date_diff('day', i.hire_date, d.activity_date) between 31 and 60) end as activities_d31_60,
           case when i.hire_date + 90 <= p.as_of_date
                then count(d.activity_date) filter (where date_diff('day', i.hire_date, d.activity_date) between 61 and 90) end as activities_d61_90
    from inside i
    cross join params p
    left join done d on lower(trim(d.rep_name)) = lower(trim(i.rep_name))
    group by i.rep_name, i.hire_date, p.as_of_date
)
select w.rep_name, w.hire_date, w.activities_d0_30, w.activities_d31_60, w.activities_d61_90,
       (select case when count(e.activities_d0_30) >= 2 then median(e.activities_d0_30) end
        from windows e where e.hire_date < w.hire_date) as benchmark_d0_30,
       (select case when count(e.activities_d31_60) >= 2 then median(e.activities_d31_60) end
        from windows e where e.hire_date < w.hire_date) as benchmark_d31_60,
       (select case when count(e.activities_d61_90) >= 2 then median(e.activities_d61_90) end
        from windows e where e.hire_date < w.hire_date) as benchmark_d61_90
from windows w
order by w.hire_date, w.rep_name;
