-- opportunity_cohorts: one row per calendar quarter of created date, the 8 quarters up to the as-of
-- date (docs/metrics.md#cohorts): what became of the deals created in it, as of the as-of date.
create or replace table opportunity_cohorts as
with cal as (select * from period_calendar),
quarters as (
    select unnest(generate_series((date_trunc('quarter', cal.as_of_date) - interval 21 month)::date,
                                  date_trunc('quarter', cal.as_of_date)::date, interval 3 month))::date as quarter_start
    from cal
),
created as (select min(created_date) as first_date from opportunity_progress),
deals as (
    select date_trunc('quarter', created_date)::date as quarter_start, status, amount,
           case when status = 'won' then date_diff('day', created_date, close_date) end as cycle_days
    from opportunity_progress, cal
    where created_date <= cal.as_of_date
),
-- a quarter outside the deal data (before the first created date, after the data's end) is unknown, not 0 deals
covered as (
    select q.quarter_start, period_in_data(q.quarter_start, last_day(q.quarter_start + interval 2 month), c.first_date) as yes
    from quarters q, created c
)
select q.quarter_start,
       case when v.yes then count(d.status) end as created_count,
       case when v.yes then coalesce(sum(d.amount), 0) end::decimal(18,2) as created_amount,
       case when v.yes then count(d.status) filter (where d.status = 'won') end as won_count,
       case when v.yes then count(d.status) filter (where d.status = 'lost') end as lost_count,
       case when v.yes then count(d.status) filter (where d.status = 'open') end as open_count,
       win_rate(count(*) filter (where d.status = 'won'), count(*) filter (where d.status in ('won', 'lost'))) as win_rate,
       case when v.yes then coalesce(sum(d.amount) filter (where d.status = 'won'), 0) end::decimal(18,2) as won_amount,
       median(d.cycle_days) as median_cycle_days
from quarters q join covered v using (quarter_start) left join deals d using (quarter_start)
group by q.quarter_start, v.yes
order by q.quarter_start;
