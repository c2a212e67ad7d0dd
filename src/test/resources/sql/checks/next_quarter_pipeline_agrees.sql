-- Next quarter's open pipeline is one number: the coverage and the forecast print the same figure, and when it is
-- known it is the open-pipeline definition's deals expected to close next quarter (in_open_pipeline, close date in
-- the quarter). Returns the disagreement.
with cal as (select * from period_calendar),
definition as (
    select coalesce(sum(amount), 0)::double as open_pipeline
    from opportunity_progress, cal
    where in_open_pipeline and close_date between cal.next_quarter_start and cal.next_quarter_end
)
select c.open_pipeline as in_coverage, f.open_pipeline as in_forecast, d.open_pipeline as by_definition
from pipeline_coverage c, next_quarter_forecast f, definition d
where c.open_pipeline is distinct from f.open_pipeline
   or abs(c.open_pipeline::double - d.open_pipeline) > 0.005;
