-- scorecard_grid: one row per scorecard measurable per period shown (docs/metrics.md#scorecard-measurables-and-rocks):
-- the last 13 complete weeks (Monday to Sunday) or 12 complete months up to the as-of date, period 1 the oldest.
-- value: a count or sum adds the period's plan_facts (0 when nothing happened in a period the data covers); a rate
-- or an average divides numerators by denominators (unknown when nothing is in the denominator). A period the data
-- does not cover (plan_coverage) is unknown. Status: against the goal when the job file sets one, else against the
-- same period a year earlier (52 weeks or 12 months before); green when the value meets it in the measurable's
-- direction, red when not, NULL when either is unknown. Ordered by measurable, period.
create or replace table scorecard_grid as
with params as (select * from run_parameters),
ends as (
    select case when isodow(as_of_date) = 7 then as_of_date else (as_of_date - isodow(as_of_date)::int)::date end as week_end,
           case when as_of_date = last_day(as_of_date) then date_trunc('month', as_of_date)::date
                else (date_trunc('month', as_of_date) - interval 1 month)::date end as month_start
    from params
),
-- k = 0 is the latest period shown; a year earlier is k + 52 weeks or k + 12 months.
periods as (
    select 'weekly' as cadence, 13 as shown, k, (week_end - (7 * k)::int - 6)::date as period_start, (week_end - (7 * k)::int)::date as period_end
    from ends, range(0, 13 + 52) t(k)
    union all
    select 'monthly', 12, k, (month_start - to_months(k::int))::date, last_day((month_start - to_months(k::int))::date)
    from ends, range(0, 12 + 12) t(k)
),
matched as (
    select m.measurable_id, f.event_date, f.num, f.den
    from plan_measurables m
    join plan_facts f on f.metric = m.metric
    where in_plan_slice(m.filter_by, m.filter_value, f.rep_name, f.region, f.segment, f.source)
),
sums as (
    select m.measurable_id, p.k, sum(x.num) as num, sum(x.den) as den
    from plan_measurables m
    join periods p on p.cadence = m.cadence
    join matched x on x.measurable_id = m.measurable_id and x.event_date between p.period_start and p.period_end
    group by all
),
valued as (
    select m.measurable_id, p.k, p.shown, p.period_start, p.period_end,
           case when c.unknown_reason is not null or sl.unknown_reason is not null or c.first_date is null
                     or p.period_start < c.first_date or p.period_end > c.last_date then null
                when m.accumulates then coalesce(s.num, 0)
                else s.num / nullif(s.den, 0) end as value
    from plan_measurables m
    join periods p on p.cadence = m.cadence
    left join plan_coverage c on c.metric = m.metric
    left join plan_slices sl on sl.owner_kind = 'measurable' and sl.id = m.measurable_id
    left join sums s on s.measurable_id = m.measurable_id and s.k = p.k
),
judged as (
    select m.measurable_id, m.name, m.owner, m.metric, m.unit, m.cadence, m.filter_by, m.filter_value, m.direction, m.goal,
           case when m.goal is not null then 'goal' else 'same period a year earlier' end as compared_with,
           v.shown - v.k as period_number, v.period_start, v.period_end, v.value,
           coalesce(m.goal::double, y.value) as compare_value
    from plan_measurables m
    join valued v on v.measurable_id = m.measurable_id and v.k < v.shown
    left join valued y on y.measurable_id = m.measurable_id and y.k = v.k + (case when m.cadence = 'weekly' then 52 else 12 end)
)
select *,
       case when value is null or compare_value is null then null
            when (direction = 'up' and value >= compare_value) or (direction = 'down' and value <= compare_value) then 'green'
            else 'red' end as status
from judged
order by measurable_id, period_number;
