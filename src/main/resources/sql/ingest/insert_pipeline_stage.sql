-- Adds a stage to the pipeline order unless a stage of that name is already known.
insert into pipeline_stages (stage, stage_order, is_won, is_lost, order_basis, word_rank)
select ?, ?, ?, ?, ?, ?
where not exists (select 1 from pipeline_stages where lower(stage) = lower(?));
