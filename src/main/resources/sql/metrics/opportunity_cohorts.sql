-- opportunity_cohorts: one row per calendar quarter of created date, the 8 quarters up to the as-of
-- date (docs/metrics.md#cohorts): what became of the deals created in it, as of the as-of date.
create or replace table opportunity_cohorts as
with cal as (select * from period_calendar),
quarters as (
    select unnest(generate_series((date_trunc('quarter', cal.as_of_date) - interval 21 month)::date,
                                  date_trunc('quarter', cal.as_of_date)::date, interval 3 month))::date as quarter_start
    from cal
),
deals as (
    select date_trunc('quarter', created_date)::date as quarter_start, status, amount,
           case when status = 'won' then date_diff('day', created_date, close_date) end as cycle_days
    from opportunity_progress, cal
    where created_date <= cal.as_of_date
)
select q.quarter_start,
       count(d.status) as created_count,
       coalesce(sum(d.amount), 0)::decimal(18,2) as created_amount,
       count(*) filter (where d.status = 'won') as won_count,
       count(*) filter (where d.status = 'lost') as lost_count,
       count(*) filter (where d.status = 'open') as open_count,
       win_rate(count(*) filter (where d.status = 'won'), count(*) filter (where d.status in ('won', 'lost'))) as win_rate,
       coalesce(sum(d.amount) filter (where d.status = 'won'), 0)::decimal(18,2) as won_amount,
       median(d.cycle_days) as median_cycle_days
from quarters q left join deals d using (quarter_start)
group by q.quarter_start
order by q.quarter_start;
