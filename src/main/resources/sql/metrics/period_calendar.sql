-- period_calendar: one row. The windows every metric uses (docs/metrics.md#periods).
-- T12M = [t12m_start, as_of_date] = (as_of − 12 months, as_of]; prior T12M the 12 months before.
-- Last period = the same 12-month measure ending at the previous month end, whatever day the as-of date is:
-- [last_period_start, last_period_end].
create or replace table period_calendar as
with p as (select as_of_date from run_parameters),
q as (
    select as_of_date,
           date_trunc('quarter', as_of_date)::date as quarter_start,
           (date_trunc('quarter', as_of_date) + interval 3 month - interval 1 day)::date as quarter_end
    from p
)
select
    as_of_date,
    date_trunc('month', as_of_date)::date as month_start,
    (date_trunc('month', as_of_date) - interval 1 month)::date as prior_month_start,
    (date_trunc('month', as_of_date) - interval 12 month)::date as same_month_last_year_start,
    (date_trunc('month', as_of_date) - interval 12 month)::date as last_period_start,
    (date_trunc('month', as_of_date) - interval 1 day)::date as last_period_end,
    (as_of_date - interval 12 month + interval 1 day)::date as t12m_start,
    (as_of_date - interval 24 month + interval 1 day)::date as prior_t12m_start,
    (as_of_date - interval 12 month)::date as prior_t12m_end,
    case when as_of_date = quarter_end then quarter_start else (quarter_start - interval 3 month)::date end as last_full_quarter_start,
    case when as_of_date = quarter_end then quarter_end else (quarter_start - interval 1 day)::date end as last_full_quarter_end,
    (quarter_start + interval 3 month)::date as next_quarter_start,
    (quarter_start + interval 6 month - interval 1 day)::date as next_quarter_end
from q;
