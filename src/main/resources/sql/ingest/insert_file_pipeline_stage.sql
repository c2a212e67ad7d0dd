-- Records that a file brought a stage to pipeline_stages (prune_pipeline_stages.sql removes it with the file).
insert into file_pipeline_stages (source_file_id, stage) values (?, ?);
