-- A stage column of a file (by index), what its stage_entries rows refer to.
insert into source_file_stages (source_file_id, stage_index, stage)
values (?, ?, ?);
