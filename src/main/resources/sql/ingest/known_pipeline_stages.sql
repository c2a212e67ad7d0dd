-- The pipeline stages known from earlier files, in their order, with their won and lost flags and what placed them.
select stage, is_won, is_lost, order_basis
from pipeline_stages
order by stage_order, stage;
