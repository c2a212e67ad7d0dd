-- win_rate_by_dimension: one row per rep, source, segment and product value; deals closed in T12M
-- (docs/metrics.md#win-rate). Missing values are grouped as "(none)".
create or replace table win_rate_by_dimension as
with cal as (select * from period_calendar),
closed as (
    select * from opportunity_progress, cal
    where status in ('won', 'lost') and close_date between cal.t12m_start and cal.as_of_date
),
long as (
    select 'rep' as dimension, coalesce(rep_name, '(none)') as dimension_value, status, amount from closed
    union all select 'source', coalesce(source, '(none)'), status, amount from closed
    union all select 'segment', coalesce(segment, '(none)'), status, amount from closed
    union all select 'product', coalesce(product, '(none)'), status, amount from closed
)
select dimension, dimension_value,
       count(*) filter (where status = 'won') as won_count,
       count(*) filter (where status = 'lost') as lost_count,
       win_rate(count(*) filter (where status = 'won'), count(*)) as win_rate,
       coalesce(sum(amount) filter (where status = 'won'), 0)::decimal(18,2) as won_amount,
       coalesce(sum(amount) filter (where status = 'lost'), 0)::decimal(18,2) as lost_amount,
       value_win_rate(coalesce(sum(amount) filter (where status = 'won'), 0), coalesce(sum(amount), 0)) as win_rate_by_value
from long
group by dimension, dimension_value
order by dimension, won_count + lost_count desc, dimension_value;
