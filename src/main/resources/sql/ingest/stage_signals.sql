-- What the CRM says about each stage of a loaded deals file (the parameter: its source_file_id), for ordering
-- stages the profile does not declare: the forecast category's place in a pipeline (Pipeline 1, Best Case 2,
-- Commit 3, Closed 4, Omitted 5; null when the file has none) and the average win probability.
select stage,
       min(case lower(replace(forecast_category, ' ', ''))
               when 'pipeline' then 1 when 'bestcase' then 2 when 'commit' then 3 when 'closed' then 4
               when 'omitted' then 5
               -- as a French org exports them
               when 'meilleurcas' then 2 when 'engagement' then 3 when 'conclu' then 4 when 'omis' then 5 end) as forecast_rank,
       avg(try_cast(trim(replace(probability, '%', '')) as double)) as probability
from opportunities
where source_file_id = ? and stage is not null
group by stage;
