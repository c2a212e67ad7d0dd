-- Empties the pipeline order before it is written again, renumbered, with a file's new stages placed in it.
delete from pipeline_stages;
