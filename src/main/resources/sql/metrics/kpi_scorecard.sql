-- kpi_scorecard: one row per headline KPI (docs/metrics.md#scorecard): this period, last period,
-- same period last year, target, status and the current streak. Status compares with the same
-- period last year (else last period): money KPIs green when not down, amber down < 10%, red down
-- >= 10%; rates green when not down, amber down < 5 points, red beyond (reversed when lower is better).
-- streak_periods: how many month ends in a row, ending at the as-of date, the KPI had the same red
-- or green status as now (each month judged against a year earlier); NULL while amber or unknown.
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
             where status in ('won', 'lost') and close_date > (p.d - interval 24 month)::date and close_date <= (p.d - interval 12 month)::date) as win_ly,
           (select max(x) / nullif(sum(x), 0) from (select sum(amount) as x from rev where customer_name is not null
                and event_date > (p.d - interval 12 month)::date and event_date <= p.d group by customer_name having sum(amount) > 0)) as top_now,
           (select max(x) / nullif(sum(x), 0) from (select sum(amount) as x from rev where customer_name is not null
                and event_date > (p.d - interval 24 month)::date and event_date <= (p.d - interval 12 month)::date
                group by customer_name having sum(amount) > 0)) as top_ly,
           (select count(*) filter (where status = 'won') / nullif(count(*), 0) from opportunity_progress
             where status in ('won', 'lost') and reached_order >= (select min(stage_order) from pipeline_stages where lower(stage) like '%proposal%')
               and close_date > (p.d - interval 12 month)::date and close_date <= p.d) as proposal_now,
           (select count(*) filter (where status = 'won') / nullif(count(*), 0) from opportunity_progress
             where status in ('won', 'lost') and reached_order >= (select min(stage_order) from pipeline_stages where lower(stage) like '%proposal%')
               and close_date > (p.d - interval 24 month)::date and close_date <= (p.d - interval 12 month)::date) as proposal_ly,
           -- open pipeline as it stood at d and a year before: created by then, not yet closed
           (select sum(amount) from opportunities where created_date <= p.d and (status = 'open' or close_date > p.d))::double as pipe_now,
           (select sum(amount) from opportunities where created_date <= (p.d - interval 12 month)::date
              and (status = 'open' or close_date > (p.d - interval 12 month)::date))::double as pipe_ly
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
    union all
    select k, 'top_customer_share',
           case when top_now is null or top_ly is null then 'none' when top_now <= top_ly then 'green'
                when top_now < top_ly + 0.05 then 'amber' else 'red' end
    from point_values
    union all
    select k, 'proposal_win_rate',
           case when proposal_now is null or proposal_ly is null or (select count(*) from opportunity_stage_history) = 0 then 'none'
                when proposal_now >= proposal_ly then 'green' when proposal_now > proposal_ly - 0.05 then 'amber' else 'red' end
    from point_values
    union all
    select k, 'open_pipeline',
           case when pipe_ly is null or pipe_ly = 0 then 'none' when pipe_now >= pipe_ly then 'green'
                when pipe_now > 0.9 * pipe_ly then 'amber' else 'red' end
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
    select 'open_pipeline', 4, 'money', (select open_pipeline from win_rate_summary)::double,
           (select pipe_now from point_values where k = 1), (select pipe_ly from point_values where k = 0), true,
           (select streak from streaks where kpi = 'open_pipeline')
    union all
    select 'top_customer_share', 5, 'rate', (select top1_share from concentration_summary),
           null,
           (select max(revenue_prior_t12m) / nullif(sum(greatest(revenue_prior_t12m, 0)), 0) from customer_trends)::double,
           false, (select streak from streaks where kpi = 'top_customer_share')
    union all
    select 'proposal_win_rate', 6, 'rate', (select proposal_win_rate from win_rate_summary), null,
           (select proposal_ly from point_values where k = 0), true, (select streak from streaks where kpi = 'proposal_win_rate')
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
