-- lead_funnel: one row per lead stage (created, MQL, SQL, opportunity, won); leads created in T12M and what
-- became of them by the as-of date (docs/metrics.md#lead-funnel). A later stage implies the earlier ones. A lead
-- became an opportunity when the leads export says so (converted opportunity id, opportunity date) or a deal
-- names it (opportunities.lead_id); it was won when such a deal was won by the as-of date, or the lead became
-- a customer. Conversion into "won" is NULL when the exports hold no lost deal (it would read 100%). An MQL or SQL
-- stage no lead of the export has a date for is not recorded: its row is left out (its count would be the later
-- stages' and the conversion into the next stage 100%), and the conversion runs over it to the next stage recorded.
create or replace table lead_funnel as
with cal as (select * from period_calendar),
deal_links as (
    select o.lead_id, o.status, o.close_date, o.created_date from opportunities o where o.lead_id is not null
    union all
    select l.lead_id, o.status, o.close_date, o.created_date
    from leads l join opportunities o on o.opportunity_id = l.converted_opportunity_id
),
deals_of_lead as (
    select d.lead_id, bool_or(d.status = 'won' and (d.close_date is null or d.close_date <= cal.as_of_date)) as won,
           bool_or(d.created_date is null or d.created_date <= cal.as_of_date) as opened
    from deal_links d, cal group by d.lead_id
),
cohort as (
    -- what became of each lead by the as-of date: a stage reached after it had not happened yet
    select l.created_date,
           case when l.mql_date <= cal.as_of_date then l.mql_date end as mql_date,
           case when l.sql_date <= cal.as_of_date then l.sql_date end as sql_date,
           (k.lead_id is not null and k.opened) or (l.converted_opportunity_id is not null and l.opportunity_date is null)
               or (l.opportunity_date is not null and l.opportunity_date <= cal.as_of_date) as reached_opportunity,
           coalesce(k.won, false) or (l.customer_date is not null and l.customer_date <= cal.as_of_date) as reached_won
    from leads l cross join cal
    left join deals_of_lead k on k.lead_id = l.lead_id
    where l.created_date between cal.t12m_start and cal.as_of_date
),
recorded as (select count(mql_date) > 0 as mql, count(sql_date) > 0 as sql from leads),
reached as (
    select 'created' as lead_stage, 1 as stage_order, count(*) as reached_count,
           median(date_diff('day', created_date, coalesce(mql_date, sql_date))) as median_days_to_next from cohort
    union all
    select 'mql', 2, count(*) filter (where mql_date is not null or sql_date is not null or reached_opportunity or reached_won),
           median(date_diff('day', mql_date, sql_date)) from cohort
    union all
    select 'sql', 3, count(*) filter (where sql_date is not null or reached_opportunity or reached_won), null from cohort
    union all
    select 'opportunity', 4, count(*) filter (where reached_opportunity or reached_won), null from cohort
    union all
    select 'won', 5, count(*) filter (where reached_won), null from cohort
),
kept as (
    select r.* from reached r, recorded
    where not (r.lead_stage = 'mql' and not recorded.mql) and not (r.lead_stage = 'sql' and not recorded.sql)
)
select lead_stage, stage_order, reached_count,
       case when lead_stage = 'opportunity' and not lost_deals_exported() then null
            else lead(reached_count) over (order by stage_order) / nullif(reached_count, 0) end as conversion_rate,
       reached_count / nullif(first(reached_count) over (order by stage_order), 0) as share_of_created,
       median_days_to_next
from kept
where (select count(*) from cohort) > 0
order by stage_order;
