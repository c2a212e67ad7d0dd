-- kpi_scorecard: one row per headline KPI (docs/metrics.md#scorecard), read from kpi_points: this period (point
-- 0, the as-of date), last period (point 1, the previous month end), the same period last year (point 0's
-- year-earlier value), target, status and the current streak. Status (kpi_status) compares with the job's target
-- when set (compared_with says which), else the same period last year, else last period: money KPIs green when not
-- down, amber down < 10%, red down >= 10%; rates green when not down, amber down < 5 points, red beyond (reversed
-- when lower is better).
-- streak_periods: how many month ends in a row, ending at the as-of date, the KPI had the same red or green status
-- as now (each point judged against a year earlier); NULL while amber or unknown.
create or replace table kpi_scorecard as
with now as (select * from kpi_points where point = 0),
last as (select kpi, value from kpi_points where point = 1),
streaks as (
    select s.kpi, count(*) as streak
    from kpi_points s
    join now on now.kpi = s.kpi and now.status in ('red', 'green')
    where s.point < coalesce((select min(b.point) from kpi_points b where b.kpi = s.kpi and b.status <> now.status), 13)
    group by s.kpi
)
select n.kpi, n.kpi_order, n.unit, n.value as this_period, l.value as last_period, n.value_year_earlier as same_period_last_year,
       n.target,
       case when n.target is not null then 'target' when n.value_year_earlier is not null then 'a year earlier'
            else 'last period' end as compared_with,
       kpi_status(n.value, coalesce(n.target, n.value_year_earlier, l.value), n.unit, n.higher_is_better) as status,
       s.streak as streak_periods,
       n.higher_is_better
from now n
left join last l using (kpi)
left join streaks s using (kpi)
order by n.kpi_order;
