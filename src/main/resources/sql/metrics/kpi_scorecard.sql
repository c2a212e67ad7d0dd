-- kpi_scorecard: one row per headline KPI (docs/metrics.md#scorecard): this period, last period,
-- same period last year, target, status and the current streak. Status compares with the same
-- period last year (else last period): money KPIs green when not down, amber down < 10%, red down
-- >= 10%; rates green when not down, amber down < 5 points, red beyond (reversed when lower is better).
create or replace table kpi_scorecard as
with cal as (select * from period_calendar),
rev as (select * from revenue_events),
t12m_series as (
    -- T12M revenue at each of the last 13 month ends, for the streak.
    select m.month_start,
           (select coalesce(sum(amount), 0) from rev
             where event_date > (m.month_start + interval 1 month - interval 12 month - interval 1 day)::date
               and event_date <= (m.month_start + interval 1 month - interval 1 day)::date) as t12m
    from revenue_monthly m, cal
    where m.month_start > (cal.month_start - interval 13 month)::date
),
t12m_moves as (
    select month_start, sign(t12m - lag(t12m) over (order by month_start)) as direction from t12m_series
),
t12m_streak as (
    -- months in a row, ending now, in which T12M revenue moved the same way as in the latest month
    select count(*) as streak from (
        select direction, sum(case when direction <> latest then 1 else 0 end)
                   over (order by month_start desc rows between unbounded preceding and current row) as breaks
        from t12m_moves, (select direction as latest from t12m_moves where direction is not null order by month_start desc limit 1)
        where direction is not null
    ) where breaks = 0
),
win_windows as (
    select count(*) filter (where status = 'won' and close_date between cal.t12m_start and cal.as_of_date)
             / nullif(count(*) filter (where status in ('won','lost') and close_date between cal.t12m_start and cal.as_of_date), 0) as this_rate,
           count(*) filter (where status = 'won' and close_date between (cal.t12m_start - interval 1 month)::date and (cal.month_start - interval 1 day)::date)
             / nullif(count(*) filter (where status in ('won','lost') and close_date between (cal.t12m_start - interval 1 month)::date and (cal.month_start - interval 1 day)::date), 0) as last_rate
    from opportunity_progress, cal
),
kpis as (
    select 't12m_revenue' as kpi, 1 as kpi_order, 'money' as unit,
           (select coalesce(sum(amount), 0) from rev, cal where event_date between cal.t12m_start and cal.as_of_date)::double as this_period,
           (select coalesce(sum(amount), 0) from rev, cal where event_date between (cal.t12m_start - interval 1 month)::date and (cal.month_start - interval 1 day)::date)::double as last_period,
           (select coalesce(sum(amount), 0) from rev, cal where event_date between cal.prior_t12m_start and cal.prior_t12m_end)::double as same_period_last_year,
           true as higher_is_better,
           (select streak from t12m_streak) as streak_periods
    union all
    select 'bookings_month', 2, 'money',
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.month_start)::double,
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.prior_month_start)::double,
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.same_month_last_year_start)::double,
           true, null
    union all
    select 'win_rate_t12m', 3, 'rate', (select this_rate from win_windows), (select last_rate from win_windows),
           (select prior_t12m_win_rate from win_rate_summary), true, null
    union all
    select 'open_pipeline', 4, 'money', (select open_pipeline from win_rate_summary)::double, null, null, true, null
    union all
    select 'top_customer_share', 5, 'rate', (select top1_share from concentration_summary),
           null,
           (select max(revenue_prior_t12m) / nullif(sum(greatest(revenue_prior_t12m, 0)), 0) from customer_trends)::double,
           false, null
    union all
    select 'proposal_win_rate', 6, 'rate', (select proposal_win_rate from win_rate_summary), null, null, true, null
)
select k.kpi, k.kpi_order, k.unit, k.this_period, k.last_period, k.same_period_last_year,
       case when k.kpi = 'pipeline_coverage' then null end::double as target,
       case
         when k.this_period is null or coalesce(k.same_period_last_year, k.last_period) is null then 'none'
         when k.unit = 'money' then
           case when (k.this_period - coalesce(k.same_period_last_year, k.last_period)) * (case when k.higher_is_better then 1 else -1 end) >= 0 then 'green'
                when abs(k.this_period - coalesce(k.same_period_last_year, k.last_period)) < 0.10 * abs(coalesce(k.same_period_last_year, k.last_period)) then 'amber'
                else 'red' end
         else
           case when (k.this_period - coalesce(k.same_period_last_year, k.last_period)) * (case when k.higher_is_better then 1 else -1 end) >= 0 then 'green'
                when abs(k.this_period - coalesce(k.same_period_last_year, k.last_period)) < 0.05 then 'amber'
                else 'red' end
       end as status,
       k.streak_periods,
       k.higher_is_better
from kpis k
order by k.kpi_order;
