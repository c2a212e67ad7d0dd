-- data_freshness: one row: where the loaded data ends against the as-of date (docs/metrics.md#periods). Data
-- that ends more than stale_after_days before the as-of date is stale: measures of recent activity past its end
-- (inactivity, this month's bookings) are unknown, not zero.
create or replace table data_freshness as
select p.data_end_date,
       date_diff('day', p.data_end_date, p.as_of_date) as days_before_as_of,
       p.stale_after_days,
       coalesce(date_diff('day', p.data_end_date, p.as_of_date) > p.stale_after_days, false) as data_stale
from run_parameters p;
