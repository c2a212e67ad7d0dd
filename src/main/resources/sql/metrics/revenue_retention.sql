-- revenue_retention: one row (docs/metrics.md#retention). Cohort = customers with prior-T12M revenue > 0.
-- GRR = sum(min(now, then)) / sum(then); NRR = sum(now) / sum(then); "now" floored at zero.
-- When the revenue data starts inside the prior window, "then" is part of a year and who is new is unknown: the
-- prior cohort, GRR, NRR, customers_new and revenue_new are NULL (metric_status says why); lost customers are
-- still known.
create or replace table revenue_retention as
with t as (select * from customer_trends),
complete as (select coalesce(bool_and(prior_window_complete), false) as ok from customer_trends)
select case when (select ok from complete) then count(*) filter (where revenue_prior_t12m > 0) end as customers_prior,
       case when (select ok from complete)
            then coalesce(sum(revenue_prior_t12m) filter (where revenue_prior_t12m > 0), 0) end::decimal(18,2) as revenue_prior,
       case when (select ok from complete)
            then coalesce(sum(greatest(revenue_t12m, 0)) filter (where revenue_prior_t12m > 0), 0) end::decimal(18,2)
           as revenue_now_from_prior,
       case when (select ok from complete) then sum(least(greatest(revenue_t12m, 0), revenue_prior_t12m)) filter (where revenue_prior_t12m > 0)
           / nullif(sum(revenue_prior_t12m) filter (where revenue_prior_t12m > 0), 0) end as grr,
       case when (select ok from complete) then sum(greatest(revenue_t12m, 0)) filter (where revenue_prior_t12m > 0)
           / nullif(sum(revenue_prior_t12m) filter (where revenue_prior_t12m > 0), 0) end as nrr,
       count(*) filter (where customer_status = 'lost') as customers_lost,
       case when (select ok from complete) then count(*) filter (where customer_status = 'new') end as customers_new,
       case when (select ok from complete) then coalesce(sum(revenue_t12m) filter (where customer_status = 'new'), 0) end::decimal(18,2) as revenue_new
from t;
