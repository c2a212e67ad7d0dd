-- win_rate_quarterly: one row per calendar quarter of close date, the 12 quarters up to the as-of date
-- (docs/metrics.md#win-rate). win_rate = won / (won + lost); open deals are not in the denominator.
create or replace table win_rate_quarterly as
with cal as (select * from period_calendar),
quarters as (
    select unnest(generate_series((date_trunc('quarter', cal.as_of_date) - interval 33 month)::date,
                                  date_trunc('quarter', cal.as_of_date)::date, interval 3 month))::date as quarter_start
    from cal
),
closed as (
    select date_trunc('quarter', close_date)::date as quarter_start, status, amount
    from opportunity_progress, cal
    where status in ('won', 'lost') and close_date <= cal.as_of_date
),
-- a quarter outside the deal data is unknown (period_in_data), not 0 of 0
covered as (
    select q.quarter_start, period_in_data(q.quarter_start, last_day(q.quarter_start + interval 2 month), deals_data_start()) as yes
    from quarters q
),
per_quarter as (
    select q.quarter_start,
           case when v.yes then count(c.status) filter (where c.status = 'won') end as won_count,
           case when v.yes then count(c.status) filter (where c.status = 'lost') end as lost_count,
           case when v.yes then coalesce(sum(c.amount) filter (where c.status = 'won'), 0) end as won_amount,
           case when v.yes then coalesce(sum(c.amount) filter (where c.status = 'lost'), 0) end as lost_amount
    from quarters q join covered v using (quarter_start) left join closed c using (quarter_start)
    group by q.quarter_start, v.yes
)
select quarter_start, won_count, lost_count,
       win_rate(won_count, won_count + lost_count) as win_rate,
       won_amount::decimal(18,2) as won_amount,
       lost_amount::decimal(18,2) as lost_amount,
       value_win_rate(won_amount, won_amount + lost_amount) as win_rate_by_value,
       win_rate(sum(won_count) over w, sum(won_count + lost_count) over w) as trailing_4q_win_rate
from per_quarter
window w as (order by quarter_start rows between 3 preceding and current row)
order by quarter_start;
