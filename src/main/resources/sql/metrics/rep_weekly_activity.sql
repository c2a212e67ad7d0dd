-- rep_weekly_activity: one row per active rep per week (Monday start), the 13 weeks up to the week
-- of the as-of date, zero-filled (docs/metrics.md#activity); NULL when no deal has a created date (nothing is
-- known of new opportunities then, and zeros would say otherwise). Active reps: the roster's current reps, or
-- without a roster, every owner of an opportunity created or closed (won or lost) in the last 12 months.
create or replace table active_reps as
with cal as (select * from period_calendar),
roster as (
    select distinct rep_name, min(hire_date) as hire_date from reps, cal
    where (end_date is null or end_date > cal.as_of_date) and (hire_date is null or hire_date <= cal.as_of_date)
    group by rep_name
)
select rep_name, hire_date from roster
union all
select distinct o.rep_name, null::date from opportunities o, cal
where (select count(*) from reps) = 0 and o.rep_name is not null
  and (o.created_date between cal.t12m_start and cal.as_of_date
       or o.status in ('won', 'lost') and o.close_date between cal.t12m_start and cal.as_of_date)
-- a stated order: the same inputs give the same CSV, byte for byte
order by rep_name;

create or replace table rep_weekly_activity as
with cal as (select * from period_calendar),
weeks as (
    select unnest(generate_series((date_trunc('week', cal.as_of_date) - interval 12 week)::date,
                                  date_trunc('week', cal.as_of_date)::date, interval 1 week))::date as week_start
    from cal
),
new_opps as (
    select r.rep_name, w.week_start,
           -- a week after the data's end is unknown, not a week without new deals
           case when (select count(created_date) from opportunities) > 0
                 and coalesce(w.week_start <= (select data_end_date from data_freshness), true)
                then count(o.opportunity_id) end as new_opportunities
    from active_reps r
    cross join weeks w
    cross join cal
    left join opportunities o on o.rep_name = r.rep_name and date_trunc('week', o.created_date) = w.week_start
         and o.created_date <= cal.as_of_date
    group by r.rep_name, w.week_start
),
-- Activities done (activity_is_done) in the week, up to the as-of date: NULL without an activity export.
done as (
    select a.rep_name, date_trunc('week', a.activity_date)::date as week_start, a.activity_type
    from activities a, cal
    where a.activity_date <= cal.as_of_date and activity_is_done(a.status)
),
acts as (
    select n.rep_name, n.week_start,
           case when (select count(*) from activities) > 0 then count(d.rep_name) end as activities,
           case when (select count(*) from activities) > 0 then count(d.rep_name) filter (where activity_kind(d.activity_type) = 'call') end as calls,
           case when (select count(*) from activities) > 0 then count(d.rep_name) filter (where activity_kind(d.activity_type) = 'meeting') end as meetings,
           case when (select count(*) from activities) > 0 then count(d.rep_name) filter (where activity_kind(d.activity_type) = 'email') end as emails
    from new_opps n
    left join done d on d.rep_name = n.rep_name and d.week_start = n.week_start
    group by n.rep_name, n.week_start
)
select n.rep_name, n.week_start, n.new_opportunities, a.activities, a.calls, a.meetings, a.emails
from new_opps n
join acts a using (rep_name, week_start)
order by n.rep_name, n.week_start;
