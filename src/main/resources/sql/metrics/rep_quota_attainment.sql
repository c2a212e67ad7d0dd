-- rep_quota_attainment: one row per rep per each of the last 4 complete calendar quarters up to the as-of date
-- (docs/metrics.md#quota-attainment): the reps of the roster (the deals' owners when there is none), bookings = the
-- rep's won deals closed in the quarter (the bookings definition: opportunity_progress, the run's currency), the
-- quarter's won and lost deals and win rate (the win-rate definition), and attainment = bookings / quarterly quota
-- (NULL without a quota). A quarter the rep was not employed for at all (hired after it, left before it) has no
-- row; a quarter the rep joined or left during is marked partial (the quota is not prorated). Bookings are unknown
-- when won deals carry no amounts or the deal data starts after the quarter starts; the quarter's figures are unknown
-- when it lies outside the deal data (period_in_data). Ordered by rep, quarter.
create or replace table rep_quota_attainment as
with quarters as (select * from complete_quarters(4)),
data_start as (select min(created_date) as first_date from opportunity_progress),
roster as (
    select rep_name, min(hire_date) as hire_date, max(end_date) as end_date,
           max(quarterly_quota) filter (where quarterly_quota > 0) as quarterly_quota
    from reps group by rep_name
    union all
    select distinct rep_name, null, null, null from opportunity_progress
    where rep_name is not null and not exists (select 1 from reps)
)
select r.rep_name, q.quarter_start, q.quarter_end, r.quarterly_quota,
       case when bookings_known() and q.quarter_start >= d.first_date and d.in_data
            then coalesce(sum(o.amount) filter (where o.status = 'won'), 0) end::decimal(18,2) as bookings,
       case when bookings_known() and q.quarter_start >= d.first_date and d.in_data
            then coalesce(sum(o.amount) filter (where o.status = 'won'), 0) / r.quarterly_quota end::double as attainment,
       case when d.in_data then count(o.opportunity_id) filter (where o.status = 'won') end as won_count,
       case when d.in_data then count(o.opportunity_id) filter (where o.status = 'lost') end as lost_count,
       win_rate(count(o.opportunity_id) filter (where o.status = 'won'), count(o.opportunity_id)) as win_rate,
       coalesce(r.hire_date > q.quarter_start, false) or coalesce(r.end_date < q.quarter_end, false) as partial_quarter
from roster r
cross join quarters q
cross join lateral (select ds.first_date, period_in_data(q.quarter_start, q.quarter_end, ds.first_date) as in_data
                    from data_start ds) d
left join opportunity_progress o
  on o.status in ('won', 'lost') and lower(trim(o.rep_name)) = lower(trim(r.rep_name))
 and o.close_date between q.quarter_start and q.quarter_end
where (r.hire_date is null or r.hire_date <= q.quarter_end) and (r.end_date is null or r.end_date >= q.quarter_start)
group by r.rep_name, q.quarter_start, q.quarter_end, r.quarterly_quota, r.hire_date, r.end_date, d.first_date, d.in_data
order by r.rep_name, q.quarter_start;
