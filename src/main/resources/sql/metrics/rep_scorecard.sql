-- rep_scorecard: one row per active rep (docs/metrics.md#scorecard): ramp status, T12M results,
-- open pipeline, activity.
create or replace table rep_scorecard as
with cal as (select * from period_calendar),
results as (
    select rep_name,
           count(*) filter (where status = 'won' and close_date between cal.t12m_start and cal.as_of_date) as won_count_t12m,
           coalesce(sum(amount) filter (where status = 'won' and close_date between cal.t12m_start and cal.as_of_date), 0) as bookings_t12m,
           win_rate(count(*) filter (where status = 'won' and close_date between cal.t12m_start and cal.as_of_date),
                    count(*) filter (where status in ('won', 'lost') and close_date between cal.t12m_start and cal.as_of_date)) as win_rate_t12m,
           -- unknown, not $0, when the rep has open deals and none carries an amount
           case when count(*) filter (where in_open_pipeline) = 0 or count(amount) filter (where in_open_pipeline) > 0
                then coalesce(sum(amount) filter (where in_open_pipeline), 0) end as open_pipeline
    from opportunity_progress, cal
    group by rep_name
),
activity as (select rep_name, sum(new_opportunities) as new_opportunities_13w from rep_weekly_activity group by rep_name),
quota as (select rep_name, max(quarterly_quota) as quarterly_quota from reps group by rep_name),
-- T12M results of data that ends before the T12M starts are unknown, not 0 deals and $0
covered as (select coalesce((select data_end_date from data_freshness) >= t12m_start, true) as t12m from period_calendar)
select a.rep_name, a.hire_date,
       coalesce(rr.ramp_status, case when a.hire_date is null then 'no hire date' end) as ramp_status,
       case when covered.t12m then coalesce(r.won_count_t12m, 0) end as won_count_t12m,
       -- unknown, not $0: won deals without amounts; an export of won deals only has no open pipeline, one whose
       -- open deals carry no amounts an unknown one (open_amounts_exported)
       case when bookings_known() and covered.t12m then coalesce(r.bookings_t12m, 0) end::decimal(18,2) as bookings_t12m,
       case when covered.t12m then r.win_rate_t12m end as win_rate_t12m,
       case when pipeline_exported() and open_amounts_exported()
            then case when r.rep_name is null then 0 else r.open_pipeline end end::decimal(18,2) as open_pipeline,
       act.new_opportunities_13w,
       q.quarterly_quota,
       i.is_inactive
from active_reps a
cross join covered
left join results r using (rep_name)
left join rep_ramp rr using (rep_name)
left join activity act using (rep_name)
left join quota q using (rep_name)
left join rep_inactivity i using (rep_name)
order by bookings_t12m desc nulls last, won_count_t12m desc, a.rep_name;
