-- scorecard_summary: one row per scorecard measurable (docs/metrics.md#scorecard-measurables-and-rocks): the latest
-- period's value and status, the streak (how many periods in a row, back from the latest, have the latest status) and
-- the flag when a streak of red or green reaches streak_alert periods (default 8): a status that has not changed for
-- that long has not prompted action. s01..s13 / v01..v13 are the grid's statuses and values, period 1 the oldest
-- (monthly measurables fill 12). Ordered by measurable.
create or replace table scorecard_summary as
with params as (select * from run_parameters),
latest as (
    select measurable_id, status as latest_status, value as latest_value, period_end as latest_period_end
    from scorecard_grid g
    where period_number = (select max(period_number) from scorecard_grid x where x.measurable_id = g.measurable_id)
),
breaks as (
    -- the latest period (counting back) whose status differs from the latest one
    select g.measurable_id, max(g.period_number) as last_break
    from scorecard_grid g join latest l using (measurable_id)
    where g.status is distinct from l.latest_status
    group by all
),
known as (
    select measurable_id, count(value) as known_periods from scorecard_grid group by measurable_id
),
streaks as (
    select l.measurable_id, l.latest_status, l.latest_value, l.latest_period_end,
           case when l.latest_status is not null
                then (select max(period_number) from scorecard_grid x where x.measurable_id = l.measurable_id)
                     - coalesce(b.last_break, 0) end as streak_length
    from latest l left join breaks b using (measurable_id)
)
select m.measurable_id, m.name, m.owner, m.metric, m.unit, m.cadence, m.filter_by, m.filter_value, m.direction, m.goal,
       any_value(g.compared_with) as compared_with,
       s.latest_period_end, s.latest_value, s.latest_status, s.streak_length,
       s.streak_length >= params.streak_alert as flagged,
       case when s.streak_length >= params.streak_alert
            then s.latest_status || ' for ' || s.streak_length || case when m.cadence = 'weekly' then ' weeks' else ' months' end
                 || ' in a row: this has not prompted action' end as flag_text,
       coalesce(c.unknown_reason, sl.unknown_reason,
                case when k.known_periods = 0 then 'the data covers ' || c.first_date || ' to ' || c.last_date
                     || ', none of these periods' end) as unknown_reason,
       max(g.status) filter (where g.period_number = 1) as s01,
       max(g.status) filter (where g.period_number = 2) as s02,
       max(g.status) filter (where g.period_number = 3) as s03,
       max(g.status) filter (where g.period_number = 4) as s04,
       max(g.status) filter (where g.period_number = 5) as s05,
       max(g.status) filter (where g.period_number = 6) as s06,
       max(g.status) filter (where g.period_number = 7) as s07,
       max(g.status) filter (where g.period_number = 8) as s08,
       max(g.status) filter (where g.period_number = 9) as s09,
       max(g.status) filter (where g.period_number = 10) as s10,
       max(g.status) filter (where g.period_number = 11) as s11,
       max(g.status) filter (where g.period_number = 12) as s12,
       max(g.status) filter (where g.period_number = 13) as s13,
       max(g.value) filter (where g.period_number = 1) as v01,
       max(g.value) filter (where g.period_number = 2) as v02,
       max(g.value) filter (where g.period_number = 3) as v03,
       max(g.value) filter (where g.period_number = 4) as v04,
       max(g.value) filter (where g.period_number = 5) as v05,
       max(g.value) filter (where g.period_number = 6) as v06,
       max(g.value) filter (where g.period_number = 7) as v07,
       max(g.value) filter (where g.period_number = 8) as v08,
       max(g.value) filter (where g.period_number = 9) as v09,
       max(g.value) filter (where g.period_number = 10) as v10,
       max(g.value) filter (where g.period_number = 11) as v11,
       max(g.value) filter (where g.period_number = 12) as v12,
       max(g.value) filter (where g.period_number = 13) as v13
from plan_measurables m
cross join params
join scorecard_grid g using (measurable_id)
join streaks s using (measurable_id)
left join plan_coverage c on c.metric = m.metric
left join plan_slices sl on sl.owner_kind = 'measurable' and sl.id = m.measurable_id
join known k using (measurable_id)
group by all
order by m.measurable_id;
