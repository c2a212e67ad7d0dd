-- kpi_scorecard: one row per headline KPI (docs/metrics.md#scorecard): this period, last period,
-- same period last year, target, status and the current streak. Status compares with the same
-- period last year (else last period): money KPIs green when not down, amber down < 10%, red down
-- >= 10%; rates green when not down, amber down < 5 points, red beyond (reversed when lower is better).
-- streak_periods: how many month ends in a row, ending at the as-of date, the KPI had the same red
-- or green status as now (each month judged against a year earlier); NULL while amber or unknown.
-- The KPI values at each point, computed once (the status and streak queries read them many times).
create or replace temp table kpi_point_values as
with cal as (select * from period_calendar),
rev as (select * from revenue_events),
-- The as-of date and the 12 month ends before it: each KPI's status at each, for its streak.
points as (
    select k, case when k = 0 then cal.as_of_date
                   else (date_trunc('month', cal.as_of_date) - to_months(k - 1) - interval 1 day)::date end as d
    from cal, range(0, 13) t(k)
),
-- Each KPI at each point and a year before, from one range join per source table (not a subquery
-- per point: at a million rows those rescans dominated the whole metrics step).
rev_days as (
    select event_date, sum(amount) as amount from rev group by all
),
rev_points as (
    select p.k,
           coalesce(sum(r.amount) filter (where r.event_date > (p.d - interval 12 month)::date), 0)::double as rev_now,
           coalesce(sum(r.amount) filter (where r.event_date <= (p.d - interval 12 month)::date), 0)::double as rev_ly
    from points p
    left join rev_days r on r.event_date > (p.d - interval 24 month)::date and r.event_date <= p.d
    group by p.k
),
-- Top-customer share at each point. Customer revenue is summed once per interval between the windows'
-- edges (each point's date, a year and two years before it), so every window is a run of whole
-- intervals; each customer's intervals go in one list, and each point's two windows are list sums:
-- customers x 13 rows, where joining intervals to points made customers x 13 x ~18 (docs/benchmarks.md).
edges as (
    select edge, row_number() over (order by edge) as ei from (
        select d as edge from points
        union select (d - interval 12 month)::date from points
        union select (d - interval 24 month)::date from points)
),
intervals as (
    select lag(edge) over (order by edge) as after, edge as upto, ei from edges
),
-- the interval of each revenue day (a thousand or so days, not a million lines, go through the range join)
day_intervals as (
    select d.event_date, i.ei
    from (select distinct event_date from rev) d
    asof join intervals i on d.event_date <= i.upto
    where d.event_date > i.after
),
customer_intervals as (
    select r.customer_name, i.ei, sum(r.amount) as amount
    from rev r
    join day_intervals i using (event_date)
    where r.customer_name is not null
    group by all
),
customer_lists as (
    select customer_name, list({'ei': ei, 'amount': amount}) as parts
    from customer_intervals group by customer_name
),
point_edges as (
    select p.k, n.ei as now_ei, y.ei as year_ei, t.ei as two_years_ei
    from points p
    join edges n on n.edge = p.d
    join edges y on y.edge = (p.d - interval 12 month)::date
    join edges t on t.edge = (p.d - interval 24 month)::date
),
customer_windows as (
    select pe.k, c.customer_name,
           coalesce(list_sum([x.amount for x in c.parts if x.ei > pe.year_ei and x.ei <= pe.now_ei]), 0) as x_now,
           coalesce(list_sum([x.amount for x in c.parts if x.ei > pe.two_years_ei and x.ei <= pe.year_ei]), 0) as x_ly
    from point_edges pe cross join customer_lists c
),
top_points as (
    select p.k,
           max(c.x_now) filter (where c.x_now > 0) / nullif(sum(c.x_now) filter (where c.x_now > 0), 0) as top_now,
           max(c.x_ly) filter (where c.x_ly > 0) / nullif(sum(c.x_ly) filter (where c.x_ly > 0), 0) as top_ly
    from points p
    left join customer_windows c on c.k = p.k
    group by p.k
),
-- closed deals per close date, outcome and whether they reached the proposal stage
closed_days as (
    -- without stage history how far a lost deal got is unknown: no proposal figures (as in win_rate_summary)
    select o.close_date, o.status,
           case when (select count(*) from stage_history_by_row) > 0
                then coalesce(o.reached_order >= po.proposal_order, false) end as reached_proposal,
           count(*) as deals, sum(o.amount) as amount
    from opportunity_progress o
    cross join (select stage_order as proposal_order from proposal_stage) po
    where o.status in ('won', 'lost')
    group by all
),
opp_points as (
    select p.k,
           coalesce(sum(c.amount) filter (where c.status = 'won' and date_trunc('month', c.close_date) = date_trunc('month', p.d)
                    and c.close_date <= p.d), 0)::double as book_now,
           -- the same days a year earlier: a month to date against the same month to the same day
           coalesce(sum(c.amount) filter (where c.status = 'won'
                    and date_trunc('month', c.close_date) = date_trunc('month', (p.d - interval 12 month)::date)
                    and c.close_date <= (p.d - interval 12 month)::date), 0)::double as book_ly,
           win_rate(sum(c.deals) filter (where c.status = 'won' and c.close_date > (p.d - interval 12 month)::date and c.close_date <= p.d),
                    sum(c.deals) filter (where c.close_date > (p.d - interval 12 month)::date and c.close_date <= p.d)) as win_now,
           win_rate(sum(c.deals) filter (where c.status = 'won' and c.close_date > (p.d - interval 24 month)::date
                      and c.close_date <= (p.d - interval 12 month)::date),
                    sum(c.deals) filter (where c.close_date > (p.d - interval 24 month)::date
                      and c.close_date <= (p.d - interval 12 month)::date)) as win_ly,
           win_rate(sum(c.deals) filter (where c.status = 'won' and c.reached_proposal
                      and c.close_date > (p.d - interval 12 month)::date and c.close_date <= p.d),
                    sum(c.deals) filter (where c.reached_proposal
                      and c.close_date > (p.d - interval 12 month)::date and c.close_date <= p.d)) as proposal_now,
           win_rate(sum(c.deals) filter (where c.status = 'won' and c.reached_proposal
                      and c.close_date > (p.d - interval 24 month)::date and c.close_date <= (p.d - interval 12 month)::date),
                    sum(c.deals) filter (where c.reached_proposal
                      and c.close_date > (p.d - interval 24 month)::date and c.close_date <= (p.d - interval 12 month)::date))
             as proposal_ly
    from points p
    left join closed_days c on true
    group by p.k
),
-- Open pipeline as it stood at d: created by d and not closed by d. As sums over days: what was created
-- by d, less what was both created and closed by d (closed at the later of the two dates; a closed deal
-- without a close date never counts as open, as before).
pipe_days as (
    select created_date as day, sum(amount) as added, count(amount) as added_n, 0 as removed, 0 as removed_n
    from opportunities where created_date is not null and (currency is null or currency = (select currency from run_parameters))
    group by all
    union all
    select greatest(created_date, close_date), 0, 0, sum(amount), count(amount)
    from opportunities where created_date is not null and status <> 'open'
      and (currency is null or currency = (select currency from run_parameters))
    group by all
),
pipe_points as (
    select p.k,
           case when sum(d.added_n - d.removed_n) filter (where d.day <= p.d) > 0
                then sum(d.added - d.removed) filter (where d.day <= p.d) end::double as pipe_now,
           case when sum(d.added_n - d.removed_n) filter (where d.day <= (p.d - interval 12 month)::date) > 0
                then sum(d.added - d.removed) filter (where d.day <= (p.d - interval 12 month)::date) end::double as pipe_ly
    from points p
    left join pipe_days d on true
    group by p.k
),
point_values as (
    select p.k, r.rev_now, r.rev_ly, o.book_now, o.book_ly, o.win_now, o.win_ly, t.top_now, t.top_ly,
           o.proposal_now, o.proposal_ly, pp.pipe_now, pp.pipe_ly
    from points p
    join rev_points r using (k)
    join top_points t using (k)
    join opp_points o using (k)
    join pipe_points pp using (k)
)
select * from point_values;

create or replace table kpi_scorecard as
with cal as (select * from period_calendar),
rev as (select * from revenue_events),
point_values as (select * from kpi_point_values),
point_status as materialized (
    -- each month end judged against a year earlier, with the same rule as the status below (kpi_status)
    select k, 't12m_revenue' as kpi, kpi_status(rev_now, rev_ly, 'money', true) as status from point_values
    union all select k, 'bookings_month', kpi_status(book_now, book_ly, 'money', true) from point_values
    union all select k, 'win_rate_t12m', kpi_status(win_now, win_ly, 'rate', true) from point_values
    union all select k, 'top_customer_share', kpi_status(top_now, top_ly, 'rate', false) from point_values
    union all select k, 'proposal_win_rate', kpi_status(proposal_now, proposal_ly, 'rate', true) from point_values
    union all select k, 'open_pipeline', kpi_status(pipe_now, pipe_ly, 'money', true) from point_values
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
    select win_rate(count(*) filter (where status = 'won' and close_date between cal.t12m_start and cal.as_of_date),
                    count(*) filter (where status in ('won','lost') and close_date between cal.t12m_start and cal.as_of_date)) as this_rate,
           win_rate(count(*) filter (where status = 'won' and close_date between cal.last_period_start and cal.last_period_end),
                    count(*) filter (where status in ('won','lost') and close_date between cal.last_period_start and cal.last_period_end)) as last_rate
    from opportunity_progress, cal
),
kpis as (
    select 't12m_revenue' as kpi, 1 as kpi_order, 'money' as unit,
           -- no revenue events at all (no finance export, no won amounts): unknown, not $0
           (select case when count(*) > 0 then coalesce(sum(amount) filter (where event_date between cal.t12m_start and cal.as_of_date), 0) end from rev, cal)::double as this_period,
           (select case when count(*) > 0 then coalesce(sum(amount) filter (where event_date between cal.last_period_start and cal.last_period_end), 0) end from rev, cal)::double as last_period,
           (select case when count(*) > 0 then coalesce(sum(amount) filter (where event_date between cal.prior_t12m_start and cal.prior_t12m_end), 0) end from rev, cal)::double as same_period_last_year,
           true as higher_is_better,
           (select streak from streaks where kpi = 't12m_revenue') as streak_periods
    union all
    select 'bookings_month', 2, 'money',
           -- unknown, not 0, when the data ends before this month could be seen (stale_after_days)
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.month_start
            and not (select data_stale from data_freshness))::double,
           (select b.bookings from bookings_monthly b, cal where b.month_start = cal.prior_month_start
            and b.month_start <= (select coalesce(data_end_date, cal.as_of_date) from data_freshness))::double,
           -- month to date against the same days a year earlier (not the whole month)
           (select case when bookings_known() then coalesce(sum(o.amount), 0) end from opportunities o, run_parameters p, cal
            where o.status = 'won' and o.close_date between cal.same_month_last_year_start and cal.prior_t12m_end
              and (o.currency is null or o.currency = p.currency))::double,
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
       kpi_status(k.this_period, coalesce(k.same_period_last_year, k.last_period), k.unit, k.higher_is_better) as status,
       k.streak_periods,
       k.higher_is_better
from kpis k
order by k.kpi_order;
