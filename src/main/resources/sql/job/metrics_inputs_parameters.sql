-- This run's parameters and plan as RunParametersWriter and PlanWriter wrote them (part of the metrics' inputs).
select 'run_parameters', to_json(p)::varchar from run_parameters p
union all
select 'plan_measurables', to_json(m)::varchar from plan_measurables m
union all
select 'plan_rocks', to_json(r)::varchar from plan_rocks r
order by all;
