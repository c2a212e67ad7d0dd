-- rep_inactivity: one row per active rep (docs/metrics.md#activity). Inactive = no opportunity
-- created for inactive_weeks weeks or more (reps hired within that window are not judged). Not judged (NULL)
-- when the data ends more than stale_after_days before the as-of date (weeks past the data's end are unknown),
-- when no deal has a created date, or for a rep with open deals that have none (one of them may be new: Maven's
-- Prospecting deals carry no engage date).
create or replace table rep_inactivity as
with cal as (select * from period_calendar),
params as (select * from run_parameters),
last_created as (
    select r.rep_name, r.hire_date, max(o.created_date) filter (where o.created_date <= cal.as_of_date)
               as last_opportunity_created_date,
           count(*) filter (where o.status = 'open' and o.created_date is null) as undated_open
    from active_reps r cross join cal
    left join opportunities o on o.rep_name = r.rep_name and (o.created_date <= cal.as_of_date or o.created_date is null)
    group by r.rep_name, r.hire_date
)
select l.rep_name, l.last_opportunity_created_date,
       date_diff('day', coalesce(l.last_opportunity_created_date, l.hire_date), cal.as_of_date) as days_without_new_opportunity,
       date_diff('day', coalesce(l.last_opportunity_created_date, l.hire_date), cal.as_of_date) // 7 as weeks_without_new_opportunity,
       case when (select data_stale from data_freshness) or (select count(created_date) from opportunities) = 0
                 or l.undated_open > 0
            then null else
       coalesce(date_diff('day', coalesce(l.last_opportunity_created_date, l.hire_date), cal.as_of_date) >= params.inactive_weeks * 7, false)
           and (l.hire_date is null or date_diff('day', l.hire_date, cal.as_of_date) >= params.inactive_weeks * 7) end as is_inactive
from last_created l, cal, params
order by days_without_new_opportunity desc nulls last, l.rep_name;
