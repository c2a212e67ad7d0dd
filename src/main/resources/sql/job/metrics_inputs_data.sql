-- The loaded data's state as the metrics read it: every file's record (not when it was loaded, nor whether it was
-- kept from an earlier load) and the pipeline order. A file loaded again gets a new id, so its record differs; a
-- file that holds no rows (excluded, refused, ignored, unrecognised) is listed anew by every run: its id does not count.
select * exclude (loaded_at, reused, source_file_id),
       case when rows_loaded > 0 or rows_rejected > 0 then source_file_id end as file_id
from source_files
order by file_id nulls last, path, sheet, status;
