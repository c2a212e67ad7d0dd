-- revenue_monthly: one row per calendar month, the 36 months up to the as-of month (zero-filled within the data;
-- NULL for a month outside it, period_in_data).
create or replace table revenue_monthly as
with cal as (select * from period_calendar),
months as (
    select unnest(generate_series((cal.month_start - interval 35 month)::date, cal.month_start, interval 1 month))::date as month_start
    from cal
),
basis as (select coalesce(min(revenue_basis), 'none') as revenue_basis, min(event_date) as data_start from revenue_events)
select m.month_start,
       -- NULL, not 0, for every month when there is no revenue at all to count (no finance export, no won amounts)
       case when basis.revenue_basis <> 'none' and period_in_data(m.month_start, last_day(m.month_start), basis.data_start)
            then coalesce(sum(e.amount), 0) end::decimal(18,2) as revenue,
       case when basis.revenue_basis <> 'none' and period_in_data(m.month_start, last_day(m.month_start), basis.data_start)
            then coalesce(sum(e.amount) filter (where e.amount < 0), 0) end::decimal(18,2) as credit_amount,
       case when period_in_data(m.month_start, last_day(m.month_start), basis.data_start)
            then count(distinct e.customer_name) end as customer_count,
       basis.revenue_basis
from months m
cross join basis
cross join cal
left join revenue_events e
  on date_trunc('month', e.event_date) = m.month_start and e.event_date <= cal.as_of_date
group by m.month_start, basis.revenue_basis, basis.data_start
order by m.month_start;
