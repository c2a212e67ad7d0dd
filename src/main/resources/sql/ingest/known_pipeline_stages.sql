-- The pipeline stages known from earlier files, in their order, with their won and lost flags.
select stage, is_won, is_lost
from pipeline_stages
order by stage_order, stage;
