-- revenue_retention: one row (docs/metrics.md#retention). Cohort = customers with prior-T12M revenue > 0.
-- GRR = sum(min(now, then)) / sum(then); NRR = sum(now) / sum(then); "now" floored at zero.
create or replace table revenue_retention as
with t as (select * from customer_trends)
select count(*) filter (where revenue_prior_t12m > 0) as customers_prior,
       coalesce(sum(revenue_prior_t12m) filter (where revenue_prior_t12m > 0), 0)::decimal(18,2) as revenue_prior,
       coalesce(sum(greatest(revenue_t12m, 0)) filter (where revenue_prior_t12m > 0), 0)::decimal(18,2) as revenue_now_from_prior,
       sum(least(greatest(revenue_t12m, 0), revenue_prior_t12m)) filter (where revenue_prior_t12m > 0)
           / nullif(sum(revenue_prior_t12m) filter (where revenue_prior_t12m > 0), 0) as grr,
       sum(greatest(revenue_t12m, 0)) filter (where revenue_prior_t12m > 0)
           / nullif(sum(revenue_prior_t12m) filter (where revenue_prior_t12m > 0), 0) as nrr,
       count(*) filter (where customer_status = 'lost') as customers_lost,
       count(*) filter (where customer_status = 'new') as customers_new,
       coalesce(sum(revenue_t12m) filter (where customer_status = 'new'), 0)::decimal(18,2) as revenue_new
from t;
