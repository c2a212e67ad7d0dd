-- kpi_points: one row per headline KPI per point (docs/metrics.md#scorecard): the as-of date (point 0) and the 12
-- month ends before it, each KPI's value there and a year earlier, and its status (kpi_status) against the job's
-- target when one is set, else that year-earlier value. Every KPI figure the reports show is read from here (kpi_scorecard), so the value shown and
-- the streak behind it are one computation.
-- Unknown stays NULL: revenue without any revenue event, bookings when no won deal has an amount or the month lies
-- after the data's end (or the data is stale at the as-of date), open pipeline when no open deal has an amount (at
-- every point: the amounts are then close values) or at an earlier date before the first created date, and any
-- earlier value (a previous point, a year earlier) whose window starts before the data does.
create or replace table kpi_points as
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
-- Open pipeline as it stood at d, by the definition of opportunity_progress.in_open_pipeline applied at d: created
-- on or before d (or with no created date) and not closed by d, in the run's currency. As sums over days: what was
-- created by d, less what was both created and closed by d (closed at the later of the two dates; a closed deal
-- without a close date is never open). No open deal at all is a known 0; open deals without amounts are unknown.
pipe_days as (
    select coalesce(created_date, date '0001-01-01') as day, sum(amount) as added, count(amount) as added_n,
           count(*) as added_deals, 0 as removed, 0 as removed_n, 0 as removed_deals
    from opportunities where currency is null or currency = (select currency from run_parameters)
    group by all
    union all
    select greatest(coalesce(created_date, date '0001-01-01'), close_date), 0, 0, 0, sum(amount), count(amount), count(*)
    from opportunities where status <> 'open'
      and (currency is null or currency = (select currency from run_parameters))
    group by all
),
pipe_points as (
    select p.k,
           case when not pipeline_exported() then null
                when coalesce(sum(d.added_deals - d.removed_deals) filter (where d.day <= p.d), 0) = 0 then 0
                when sum(d.added_n - d.removed_n) filter (where d.day <= p.d) > 0
                then sum(d.added - d.removed) filter (where d.day <= p.d) end::double as pipe_now,
           case when not pipeline_exported() then null
                when coalesce(sum(d.added_deals - d.removed_deals) filter (where d.day <= (p.d - interval 12 month)::date), 0) = 0 then 0
                when sum(d.added_n - d.removed_n) filter (where d.day <= (p.d - interval 12 month)::date) > 0
                then sum(d.added - d.removed) filter (where d.day <= (p.d - interval 12 month)::date) end::double as pipe_ly
    from points p
    left join pipe_days d on true
    group by p.k
),
point_values as (
    select p.k, p.d, r.rev_now, r.rev_ly, o.book_now, o.book_ly, o.win_now, o.win_ly, t.top_now, t.top_ly,
           o.proposal_now, o.proposal_ly, pp.pipe_now, pp.pipe_ly
    from points p
    join rev_points r using (k)
    join top_points t using (k)
    join opp_points o using (k)
    join pipe_points pp using (k)
),
facts as (
    select (select count(*) from revenue_events) > 0 as revenue_known, bookings_known() as bookings_known,
           (select data_end_date from data_freshness) as data_end, (select data_stale from data_freshness) as stale,
           (select min(event_date) from revenue_events) as revenue_start,
           deals_data_start() as deals_start,
           -- the pipeline at an earlier date is rebuilt from created dates: before the first one it is unknown
           (select min(created_date) from opportunities) as pipeline_start,
           open_amounts_exported() as open_amounts_known
),
-- A comparison needs data for its whole window: a year-earlier value (and a previous point's value) whose window
-- starts before the data does is unknown, not the part of it the data happens to hold (a dump starting in
-- December read "T12M revenue up 1,400%" against three weeks of the year before). A 12-month window that starts
-- after the data ends (a 2017 dump run as of 2026) holds nothing the data could show: unknown, not $0.
windows as (
    select v.*, f.*,
           (v.d - interval 12 month)::date + 1 as year_start,             -- this point's 12 months
           (v.d - interval 24 month)::date + 1 as prior_year_start,       -- the 12 months a year earlier
           date_trunc('month', (v.d - interval 12 month)::date)::date as prior_month_start,
           (v.d - interval 12 month)::date as year_earlier,
           coalesce(f.data_end >= (v.d - interval 12 month)::date + 1, true) as data_reaches_year,
           coalesce(f.data_end >= (v.d - interval 24 month)::date + 1, true) as data_reaches_prior_year
    from point_values v, facts f
),
long as (
    select k, d, 't12m_revenue' as kpi, 1 as kpi_order, 'money' as unit, true as higher_is_better,
           case when revenue_known and (k = 0 or revenue_start <= year_start) and data_reaches_year then rev_now end as value,
           case when revenue_known and revenue_start <= prior_year_start and data_reaches_prior_year then rev_ly end
               as value_year_earlier
    from windows
    union all
    select k, d, 'bookings_month', 2, 'money', true,
           -- this month to d; unknown when the data ends before this month could be seen
           case when bookings_known and not (k = 0 and stale) and date_trunc('month', d) <= coalesce(data_end, d)
                 and (k = 0 or deals_start <= date_trunc('month', d)) then book_now end,
           case when bookings_known and deals_start <= prior_month_start and coalesce(data_end >= prior_month_start, true)
                then book_ly end
    from windows
    union all
    select k, d, 'win_rate_t12m', 3, 'rate', true,
           case when (k = 0 or deals_start <= year_start) and data_reaches_year then win_now end,
           case when deals_start <= prior_year_start and data_reaches_prior_year then win_ly end from windows
    union all
    select k, d, 'open_pipeline', 4, 'money', true,
           case when open_amounts_known and (k = 0 or pipeline_start <= d) then pipe_now end,
           case when open_amounts_known and pipeline_start <= year_earlier then pipe_ly end from windows
    union all
    select k, d, 'top_customer_share', 5, 'rate', false,
           case when (k = 0 or revenue_start <= year_start) and data_reaches_year then top_now end,
           case when revenue_start <= prior_year_start and data_reaches_prior_year then top_ly end from windows
    union all
    select k, d, 'proposal_win_rate', 6, 'rate', true,
           case when (k = 0 or deals_start <= year_start) and data_reaches_year then proposal_now end,
           case when deals_start <= prior_year_start and data_reaches_prior_year then proposal_ly end from windows
),
-- The job file's target, when set, is what a point is judged against (else a year earlier): a month's bookings
-- target is pro-rated to the days of the month a point has seen (month to date at a mid-month as-of date).
targeted as (
    select l.*,
           case l.kpi when 't12m_revenue' then p.target_t12m_revenue::double
                      when 'bookings_month' then p.target_bookings_month::double * day(l.d) / day(last_day(l.d))
                      when 'win_rate_t12m' then p.target_win_rate::double end as target
    from long l, run_parameters p
)
select kpi, kpi_order, k as point, d as point_date, unit, higher_is_better, value, value_year_earlier, target,
       case when target is not null then 'target' else 'a year earlier' end as compared_with,
       kpi_status(value, coalesce(target, value_year_earlier), unit, higher_is_better) as status
from targeted
order by kpi_order, point;
