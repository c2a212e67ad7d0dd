-- revenue_monthly: one row per calendar month, the 36 months up to the as-of month (zero-filled).
create or replace table revenue_monthly as
with cal as (select * from period_calendar),
months as (
    select unnest(generate_series((cal.month_start - interval 35 month)::date, cal.month_start, interval 1 month))::date as month_start
    from cal
),
basis as (select coalesce(min(revenue_basis), 'none') as revenue_basis from revenue_events)
select m.month_start,
       -- NULL, not 0, for every month when there is no revenue at all to count (no finance export, no won amounts)
       case when basis.revenue_basis <> 'none' then coalesce(sum(e.amount), 0) end::decimal(18,2) as revenue,
       case when basis.revenue_basis <> 'none' then coalesce(sum(e.amount) filter (where e.amount < 0), 0) end::decimal(18,2) as credit_amount,
       count(distinct e.customer_name) as customer_count,
       basis.revenue_basis
from months m
cross join basis
cross join cal
left join revenue_events e
  on date_trunc('month', e.event_date) = m.month_start and e.event_date <= cal.as_of_date
group by m.month_start, basis.revenue_basis
order by m.month_start;
