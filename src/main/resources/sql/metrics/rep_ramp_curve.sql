-- rep_ramp_curve: one row per rep hired inside the data per tenure month 1..12 reached
-- (docs/metrics.md#ramp). Cumulative pipeline created and bookings by day 30 x month; the
-- benchmark is the median of reps hired earlier (inside the data) at the same month.
create or replace table rep_ramp_curve as
with cal as (select * from period_calendar),
data_start as (select min(created_date) as d from opportunities),
hired as (
    select rep_name, hire_date from reps where hire_date is not null and hire_date >= (select d from data_start)
    qualify row_number() over (partition by rep_name order by hire_date desc) = 1
),
months as (select unnest(range(1, 13)) as tenure_month),
points as (
    select h.rep_name, h.hire_date, m.tenure_month,
           coalesce(sum(o.amount) filter (where date_diff('day', h.hire_date, o.created_date) between 0 and 30 * m.tenure_month), 0) as cumulative_pipeline,
           coalesce(sum(o.amount) filter (where o.status = 'won' and date_diff('day', h.hire_date, o.close_date) between 0 and 30 * m.tenure_month), 0) as cumulative_bookings
    from hired h cross join months m cross join cal
    left join opportunity_progress o on o.rep_name = h.rep_name and o.created_date <= cal.as_of_date
    where date_diff('day', h.hire_date, cal.as_of_date) >= 30 * m.tenure_month
    group by h.rep_name, h.hire_date, m.tenure_month
)
select p.rep_name, p.tenure_month,
       p.cumulative_bookings::decimal(18,2) as cumulative_bookings,
       (select median(b.cumulative_bookings) from points b where b.tenure_month = p.tenure_month and b.hire_date < p.hire_date)::decimal(18,2)
           as benchmark_cumulative_bookings,
       p.cumulative_pipeline::decimal(18,2) as cumulative_pipeline,
       (select median(b.cumulative_pipeline) from points b where b.tenure_month = p.tenure_month and b.hire_date < p.hire_date)::decimal(18,2)
           as benchmark_cumulative_pipeline
from points p
order by p.rep_name, p.tenure_month;
