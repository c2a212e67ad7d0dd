-- Open pipeline is one number: the summary, the scorecard KPI and the definition itself
-- (opportunity_progress.in_open_pipeline) agree, and the reps' open pipelines never add up to more.
-- Returns the disagreement.
with definition as (
    select coalesce(sum(amount), 0)::double as open_pipeline, count(*) as open_count
    from opportunity_progress where in_open_pipeline
),
summary as (select open_pipeline::double as open_pipeline, open_count from win_rate_summary),
kpi as (select this_period as open_pipeline from kpi_scorecard where kpi = 'open_pipeline')
select d.open_pipeline as by_definition, s.open_pipeline as in_summary, k.open_pipeline as in_kpi,
       d.open_count, s.open_count as summary_count
from definition d, summary s, kpi k
where s.open_pipeline is not null
  and (abs(d.open_pipeline - s.open_pipeline) > 0.005 or d.open_count <> s.open_count
       or k.open_pipeline is distinct from s.open_pipeline
       or (select coalesce(sum(open_pipeline), 0) from rep_scorecard) > s.open_pipeline + 0.005);
