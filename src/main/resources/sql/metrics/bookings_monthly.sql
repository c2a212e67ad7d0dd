-- bookings_monthly: one row per calendar month (36 months to the as-of month): won deals by close date; NULL for a
-- month outside the deal data (period_in_data).
create or replace table bookings_monthly as
with cal as (select * from period_calendar),
params as (select * from run_parameters),
months as (
    select unnest(generate_series((cal.month_start - interval 35 month)::date, cal.month_start, interval 1 month))::date as month_start
    from cal
)
select m.month_start,
       case when period_in_data(m.month_start, last_day(m.month_start), deals_data_start()) then count(o.opportunity_id) end as won_count,
       -- NULL, not $0, when no won deal carries an amount (an export without amounts)
       case when bookings_known() and period_in_data(m.month_start, last_day(m.month_start), deals_data_start())
            then coalesce(sum(o.amount), 0) end::decimal(18,2) as bookings
from months m
cross join cal
cross join params
left join opportunities o
  on o.status = 'won' and date_trunc('month', o.close_date) = m.month_start and o.close_date <= cal.as_of_date
 and (o.currency is null or o.currency = params.currency)
group by m.month_start
order by m.month_start;
