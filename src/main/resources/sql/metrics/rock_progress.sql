-- rock_progress: one row per Rock (docs/metrics.md#scorecard-measurables-and-rocks). A count or sum Rock tracks what
-- accumulated from its start date to the measuring date (baseline 0 unless given); a rate or average Rock tracks the
-- level over the 90 days ending on the measuring date (baseline: the 90 days before the start date, unless given).
-- The measuring date is the as-of date, or the due date once it has passed (the value at the due date).
-- Expected = baseline + (target - baseline) x the share of the Rock's days elapsed (a straight line). Status: on track
-- when the value is at or beyond the line in the Rock's direction; at risk when behind it by at most 10% of the
-- planned change; off track when further behind; achieved or missed after the due date; not started before the
-- start. Unknown (NULL) when the data does not cover the window measured.
-- History: the metric (same slice) over each of the last 9 complete calendar quarters; the 8 quarter-on-quarter
-- changes give a realistic next-quarter target (latest quarter + the median change) and a stretch one (+ the best
-- change), and say when the Rock asks for more per quarter than the company has done in those quarters.
create or replace table rock_progress as
with params as (select * from run_parameters),
matched as (
    select r.rock_id, f.event_date, f.num, f.den
    from plan_rocks r
    join plan_facts f on f.metric = r.metric
    where in_plan_slice(r.filter_by, r.filter_value, f.rep_name, f.region, f.segment, f.source)
),
dated as (
    select r.*, least(p.as_of_date, r.due_date) as measured_on, p.as_of_date,
           c.first_date, c.last_date, coalesce(c.unknown_reason, sl.unknown_reason) as unknown_reason
    from plan_rocks r cross join params p
    left join plan_coverage c on c.metric = r.metric
    left join plan_slices sl on sl.owner_kind = 'rock' and sl.id = r.rock_id
),
windows as (
    -- the window measured now and the baseline's window
    select d.*,
           case when d.accumulates then d.start_date else (d.measured_on - 89)::date end as now_from,
           (d.start_date - 90)::date as base_from, (d.start_date - 1)::date as base_to
    from dated d
),
measured as (
    select w.rock_id,
           sum(x.num) filter (where x.event_date between w.now_from and w.measured_on) as now_num,
           sum(x.den) filter (where x.event_date between w.now_from and w.measured_on) as now_den,
           sum(x.num) filter (where x.event_date between w.base_from and w.base_to) as base_num,
           sum(x.den) filter (where x.event_date between w.base_from and w.base_to) as base_den
    from windows w left join matched x on x.rock_id = w.rock_id
    group by all
),
valued as (
    select w.*,
           case when w.unknown_reason is not null or w.first_date is null or w.now_from < w.first_date
                     or w.measured_on > w.last_date or w.as_of_date < w.start_date then null
                when w.accumulates then coalesce(m.now_num, 0)
                else m.now_num / nullif(m.now_den, 0) end as current_value,
           coalesce(w.baseline::double,
                    case when w.unknown_reason is not null then null
                         when w.accumulates then 0
                         when w.unknown_reason is null and w.base_from >= w.first_date then m.base_num / nullif(m.base_den, 0) end)
               as baseline_value,
           w.baseline is null as baseline_measured,
           greatest(0, least(1, (w.measured_on - w.start_date) / (w.due_date - w.start_date)::double)) as elapsed_share
    from windows w join measured m using (rock_id)
),
lined as (
    select v.*,
           v.baseline_value + (v.target - v.baseline_value) * v.elapsed_share as expected_value,
           case when v.direction = 'up' then 1 else -1 end as sign
    from valued v
),
quarters as (select * from complete_quarters(9)),
quarter_values as (
    -- unknown, not 0, where the Rock's value is: the metric not in the data, a slice naming no one, a quarter the data
    -- does not cover
    select d.rock_id, qq.q,
           case when d.unknown_reason is not null or d.first_date is null or qq.quarter_start < d.first_date
                     or qq.quarter_end > d.last_date then null
                when d.accumulates then coalesce(sum(x.num), 0)
                else sum(x.num) / nullif(sum(x.den), 0) end as value
    from dated d
    cross join quarters qq
    left join matched x on x.rock_id = d.rock_id and x.event_date between qq.quarter_start and qq.quarter_end
    group by d.rock_id, qq.q, qq.quarter_start, qq.quarter_end, d.accumulates, d.unknown_reason, d.first_date, d.last_date
),
changes as (
    select a.rock_id, a.value - b.value as change
    from quarter_values a join quarter_values b on b.rock_id = a.rock_id and b.q = a.q + 1
    where a.value is not null and b.value is not null
),
history as (
    select l.rock_id,
           (select value from quarter_values v where v.rock_id = l.rock_id and v.q = 1) as latest_quarter_value,
           (select max(value * l.sign) * l.sign from quarter_values v where v.rock_id = l.rock_id) as best_quarter_value,
           (select count(*) from changes c where c.rock_id = l.rock_id) as quarter_changes,
           (select median(change) from changes c where c.rock_id = l.rock_id) as typical_change,
           (select max(change * l.sign) * l.sign from changes c where c.rock_id = l.rock_id) as best_change
    from lined l
),
judged as (
    select l.*, h.latest_quarter_value, h.best_quarter_value, h.quarter_changes, h.typical_change, h.best_change,
           -- what the Rock asks for per quarter: a count per quarter, or a change in level per quarter
           (l.target - l.baseline_value) * 91.25 / (l.due_date - l.start_date) as asked_per_quarter,
           case when l.as_of_date < l.start_date then 'not started'
                when l.current_value is null then null
                -- after the due date only the value at the due date against the target counts
                when l.as_of_date >= l.due_date
                    then case when (l.current_value - l.target) * l.sign >= 0 then 'achieved' else 'missed' end
                when l.baseline_value is null then null
                when (l.current_value - l.expected_value) * l.sign >= 0 then 'on track'
                when (l.expected_value - l.current_value) * l.sign <= 0.10 * abs(l.target - l.baseline_value) then 'at risk'
                else 'off track' end as status
    from lined l join history h using (rock_id)
)
select rock_id, name, owner, metric, unit, filter_by, filter_value, direction, start_date, due_date, measured_on,
       baseline_value, baseline_measured, target::double as target, current_value, expected_value, elapsed_share, status,
       unknown_reason, latest_quarter_value, quarter_changes, typical_change, best_change,
       case when quarter_changes >= 4 then latest_quarter_value + typical_change end as realistic_next_target,
       case when quarter_changes >= 4 then latest_quarter_value + best_change end as stretch_next_target,
       asked_per_quarter,
       case when quarter_changes < 4 or asked_per_quarter is null then null
            when accumulates then asked_per_quarter * sign > best_quarter_value * sign
            else asked_per_quarter * sign > best_change * sign end as beyond_history,
       best_quarter_value
from judged
order by rock_id;
