-- Moves stage history from its earlier table (deal id and stage name on every entry, renamed to
-- stage_history_before_lineage by Workspace) into source_file_stages and stage_entries, then drops it.
-- Stage indexes follow each file's stages in the order its entries were written.
insert into source_file_stages (source_file_id, stage_index, stage)
select source_file_id, row_number() over (partition by source_file_id order by first_entry) - 1, stage
from (select source_file_id, stage, min(rowid) as first_entry
      from stage_history_before_lineage group by source_file_id, stage);

insert into stage_entries (source_file_id, source_row, stage_index, entered_date)
select h.source_file_id, h.source_row, s.stage_index, h.entered_date
from stage_history_before_lineage h
join source_file_stages s on s.source_file_id = h.source_file_id and s.stage = h.stage;

drop table stage_history_before_lineage;
