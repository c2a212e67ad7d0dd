-- The scorecard summary is its grid: the latest value and status are the grid's last period's, a streak never
-- exceeds the periods shown, a flag only where the streak reaches streak_alert, and a count or sum measurable is
-- never negative or fractional. Returns each measurable where one of these breaks.
select s.measurable_id, s.name, 'latest differs from the grid' as problem
from scorecard_summary s
join scorecard_grid g on g.measurable_id = s.measurable_id
 and g.period_number = (select max(period_number) from scorecard_grid x where x.measurable_id = s.measurable_id)
where g.value is distinct from s.latest_value or g.status is distinct from s.latest_status
union all
select measurable_id, name, 'streak longer than the grid'
from scorecard_summary where streak_length > case when cadence = 'weekly' then 13 else 12 end
union all
select s.measurable_id, s.name, 'flag without its streak'
from scorecard_summary s, run_parameters p where s.flagged is distinct from (s.streak_length >= p.streak_alert)
  and s.streak_length is not null
union all
select g.measurable_id, g.name, 'a count below zero or fractional'
from scorecard_grid g join plan_measurables m using (measurable_id)
where m.unit = 'count' and m.accumulates and (g.value < 0 or g.value <> floor(g.value));
