-- concentration_summary: one row. Top-N shares and the Herfindahl-Hirschman index (0-10,000):
-- HHI = sum over customers of (share x 100)^2; bands per the 2010 US merger guidelines.
-- total_revenue_t12m is what the shares divide: the T12M revenue of the customers with positive revenue. Revenue on
-- lines without a customer is not in it, and is stated beside it (revenue_without_customer_t12m), so the sentence
-- over the table is not read as the T12M revenue KPI.
create or replace table concentration_summary as
with c as (select * from customer_concentration),
params as (select * from run_parameters),
unattributed as (
    select sum(e.amount) filter (where e.customer_name is null) as amount
    from revenue_events e, period_calendar cal
    where e.event_date between cal.t12m_start and cal.as_of_date
)
select sum(revenue_t12m)::decimal(18,2) as total_revenue_t12m,
       (select amount from unattributed)::decimal(18,2) as revenue_without_customer_t12m,
       count(c.customer_name) as customer_count,
       max(customer_name) filter (where revenue_rank = 1) as top_customer_name,
       sum(revenue_share) filter (where revenue_rank = 1) as top1_share,
       sum(revenue_share) filter (where revenue_rank <= 5) as top5_share,
       sum(revenue_share) filter (where revenue_rank <= 10) as top10_share,
       sum(revenue_share) filter (where revenue_rank <= 20) as top20_share,
       sum(revenue_share * revenue_share) * 10000 as hhi,
       case when count(*) = 0 or sum(revenue_share * revenue_share) is null then null
            when sum(revenue_share * revenue_share) * 10000 < 1500 then 'unconcentrated'
            when sum(revenue_share * revenue_share) * 10000 <= 2500 then 'moderately concentrated'
            else 'highly concentrated' end as hhi_band,
       count(*) filter (where is_over_threshold) as customers_over_threshold,
       min(params.concentration_threshold) as concentration_threshold,
       coalesce(min(revenue_basis), 'none') as revenue_basis
from params left join c on true;
