-- kpi_scorecard: one row per headline KPI (docs/metrics.md#scorecard): this period, last period,
-- same period last year, target, status and the current streak. Status compares with the same
-- period last year (else last period): money KPIs green when not down, amber down < 10%, red down
-- >= 10%; rates green when not down, amber down < 5 points, red beyond (reversed when lower is better).
-- streak_periods: for KPIs with history (T12M revenue, monthly bookings, T12M win rate), how many
-- month ends in a row, ending at the as-of date, had the same red or green status as now.
create or replace table kpi_scorecard as
with cal as (select * from period_calendar),
rev as (select * from revenue_events),
-- The as-of date and the 12 month ends before it: each KPI's status at each, for its streak.
points as (
    select k, case when k = 0 then cal.as_of_date
                   else (date_trunc('month', cal.as_of_date) - to_months(k - 1) - interval 1 day)::date end as d
    from cal, range(0, 13) t(k)
),
point_values as (
    select p.k,
           (select coalesce(sum(amount), 0) from rev where event_date > (p.d - interval 12 month)::date and event_date <= p.d)::double as rev_now,
           (select coalesce(sum(amount), 0) from rev where event_date > (p.d - interval 24 month)::date and event_date <= (p.d - interval 12 month)::date)::double as rev_ly,
           (select coalesce(sum(amount), 0) from opportunity_progress where status = 'won' and date_trunc('month', close_date) = date_trunc('month', p.d) and close_date <= p.d)::double as book_now,
           (select coalesce(sum(amount), 0) from opportunity_progress where status = 'won' and date_trunc('month', close_date) = date_trunc('month', (p.d - interval 12 month)::date))::double as book_ly,
           (select count(*) filter (where status = 'won') / nullif(count(*), 0) from opportunity_progress
             where status in ('won', 'lost') and close_date > (p.d - interval 12 month)::date and close_date <= p.d) as win_now,
           (select count(*) filter (where status = 'won') / nullif(count(*), 0) from opportunity_progress
             where status in ('won', 'lost') and close_date > (p.d - interval 24 month)::date and close_date <= (p.d - interval 12 month)::date) as win_ly
    from points p
),
point_status as (
    select k, 't12m_revenue' as kpi,
           case when rev_ly = 0 then 'none' when rev_now >= rev_ly then 'green' when rev_now > 0.9 * rev_ly then 'amber' else 'red' end as status
    from point_values
    union all
    select k, 'bookings_month',
           case when book_ly = 0 then 'none' when book_now >= book_ly then 'green' when book_now > 0.9 * book_ly then 'amber' else 'red' end
    from point_values
    union all
    select k, 'win_rate_t12m',
           case when win_now is null or win_ly is null then 'none' when win_now >= win_ly then 'green'
                when win_now > win_ly - 0.05 then 'amber' else 'red' end
    from point_values
),
streaks as (
    -- months in a row, ending now, with the same red or green status as now
    select s.kpi, count(*) as streak
    from point_status s
    join point_status now on now.kpi = s.kpi and now.k = 0 and now.status in ('red', 'green')
    where s.k < coalesce((select min(b.k) from point_status b where b.kpi = s.kpi and b.status <> now.status), 13)
    group by s.kpi
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
           (select streak from streaks where kpi = 't12m_revenue') as streak_periods
    union all
    select 'bookings_month', 2, 'money',
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.month_start)::double,
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.prior_month_start)::double,
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.same_month_last_year_start)::double,
           true, (select streak from streaks where kpi = 'bookings_month')
    union all
    select 'win_rate_t12m', 3, 'rate', (select this_rate from win_windows), (select last_rate from win_windows),
           (select prior_t12m_win_rate from win_rate_summary), true, (select streak from streaks where kpi = 'win_rate_t12m')
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
       case k.kpi when 't12m_revenue' then (select target_t12m_revenue from run_parameters)
                  when 'bookings_month' then (select target_bookings_month from run_parameters)
                  when 'win_rate_t12m' then (select target_win_rate from run_parameters) end::double as target,
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
