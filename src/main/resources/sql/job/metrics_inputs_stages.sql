-- The pipeline order the loaded files gave (part of the metrics' inputs).
select *
from pipeline_stages
order by all;
