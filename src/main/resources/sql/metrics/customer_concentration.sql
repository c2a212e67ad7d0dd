-- customer_concentration: one row per customer with positive T12M revenue (docs/metrics.md#concentration).
-- share = customer T12M revenue / all customers' T12M revenue; lines without a customer are excluded.
create or replace table customer_concentration as
with cal as (select * from period_calendar),
params as (select * from run_parameters),
t12m as (
    select e.customer_name, sum(e.amount) as revenue_t12m, min(e.revenue_basis) as revenue_basis
    from revenue_events e, cal
    where e.event_date between cal.t12m_start and cal.as_of_date and e.customer_name is not null
    group by e.customer_name
    having sum(e.amount) > 0
),
total as (select sum(revenue_t12m) as total_revenue from t12m)
select t12m.customer_name,
       row_number() over (order by t12m.revenue_t12m desc, t12m.customer_name) as revenue_rank,
       t12m.revenue_t12m::decimal(18,2) as revenue_t12m,
       t12m.revenue_t12m / total.total_revenue as revenue_share,
       sum(t12m.revenue_t12m) over (order by t12m.revenue_t12m desc, t12m.customer_name
                                    rows between unbounded preceding and current row) / total.total_revenue as cumulative_share,
       t12m.revenue_t12m / total.total_revenue >= params.concentration_threshold as is_over_threshold,
       t12m.revenue_basis
from t12m, total, params
order by revenue_rank;
