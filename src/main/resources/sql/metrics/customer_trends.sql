-- customer_trends: one row per customer with revenue in the T12M or prior-T12M window
-- (docs/metrics.md#customer-trends). A customer is major when it is top 10 or holds >= major_customer_share
-- of revenue in either window; a major customer down >= decline_threshold is declining, and the
-- revenue at risk is what it no longer buys (prior − current). When the revenue data starts after the prior
-- window starts (prior_window_complete false), what a customer bought before it is unknown: the prior T12M
-- revenue, its rank, the change, is_declining and customer_status 'new' are left NULL/false rather than computed
-- from part of a year (and the same for the quarter against a year earlier). A customer who bought in the part of
-- the prior window the data covers and nothing since is still known to be lost.
create or replace table customer_trends as
with cal as (select * from period_calendar),
params as (select * from run_parameters),
coverage as (
    select coalesce(min(e.event_date) <= cal.prior_t12m_start, false) as prior_window_complete,
           coalesce(min(e.event_date) <= (cal.last_full_quarter_start - interval 12 month)::date, false) as prior_quarter_complete
    from revenue_events e, cal group by cal.prior_t12m_start, cal.last_full_quarter_start
),
per_customer as (
    select e.customer_name,
           coalesce(sum(e.amount) filter (where e.event_date between cal.t12m_start and cal.as_of_date), 0) as revenue_t12m,
           coalesce(sum(e.amount) filter (where e.event_date between cal.prior_t12m_start and cal.prior_t12m_end), 0) as revenue_prior_t12m,
           coalesce(sum(e.amount) filter (where e.event_date between cal.last_full_quarter_start and cal.last_full_quarter_end), 0) as last_quarter_revenue,
           coalesce(sum(e.amount) filter (where e.event_date between (cal.last_full_quarter_start - interval 12 month)::date
                                                          and (cal.last_full_quarter_end - interval 12 month)::date), 0)
               as same_quarter_last_year_revenue
    from revenue_events e, cal
    where e.customer_name is not null and e.event_date between least(cal.prior_t12m_start, (cal.last_full_quarter_start - interval 12 month)::date) and cal.as_of_date
    group by e.customer_name
),
totals as (
    select sum(greatest(revenue_t12m, 0)) as total_t12m, sum(greatest(revenue_prior_t12m, 0)) as total_prior from per_customer
),
ranked as (
    select p.*,
           case when revenue_t12m > 0 then rank() over (order by revenue_t12m desc) end as rank_t12m,
           case when revenue_prior_t12m > 0 then rank() over (order by revenue_prior_t12m desc) end as rank_prior_t12m,
           revenue_t12m / nullif(totals.total_t12m, 0) as share_t12m,
           revenue_prior_t12m / nullif(totals.total_prior, 0) as share_prior_t12m
    from per_customer p, totals
),
final as (
    select r.customer_name,
           r.revenue_t12m::decimal(18,2) as revenue_t12m,
           r.revenue_prior_t12m as covered_prior_t12m,
           case when cv.prior_window_complete then r.revenue_prior_t12m end::decimal(18,2) as revenue_prior_t12m,
           case when cv.prior_window_complete then r.revenue_t12m - r.revenue_prior_t12m end::decimal(18,2) as change_amount,
           case when r.revenue_prior_t12m > 0 and cv.prior_window_complete then (r.revenue_t12m - r.revenue_prior_t12m) / r.revenue_prior_t12m end as change_rate,
           r.rank_t12m,
           case when cv.prior_window_complete then r.rank_prior_t12m end as rank_prior_t12m,
           r.last_quarter_revenue::decimal(18,2) as last_quarter_revenue,
           case when cv.prior_quarter_complete then r.same_quarter_last_year_revenue end::decimal(18,2)
               as same_quarter_last_year_revenue,
           case when r.same_quarter_last_year_revenue > 0 and cv.prior_quarter_complete
                then (r.last_quarter_revenue - r.same_quarter_last_year_revenue) / r.same_quarter_last_year_revenue end as quarter_change_rate,
           (coalesce(r.rank_t12m, 999999) <= 10 or coalesce(r.rank_prior_t12m, 999999) <= 10
               or coalesce(r.share_t12m, 0) >= params.major_customer_share
               or coalesce(r.share_prior_t12m, 0) >= params.major_customer_share) as is_major,
           params.decline_threshold,
           coalesce(cv.prior_window_complete, false) as prior_window_complete
    from ranked r cross join params left join coverage cv on true
)
select customer_name, revenue_t12m, revenue_prior_t12m, change_amount, change_rate, rank_t12m, rank_prior_t12m,
       last_quarter_revenue, same_quarter_last_year_revenue, quarter_change_rate, is_major,
       coalesce(is_major and change_rate <= -decline_threshold, false) as is_declining,
       case when is_major and change_rate <= -decline_threshold then (revenue_prior_t12m - revenue_t12m)::decimal(18,2) end as revenue_at_risk,
       case when covered_prior_t12m <= 0 and revenue_t12m > 0 then case when prior_window_complete then 'new' end
            when covered_prior_t12m > 0 and revenue_t12m <= 0 then 'lost'
            else 'retained' end as customer_status,
       prior_window_complete
from final
order by covered_prior_t12m + revenue_t12m desc, customer_name;
