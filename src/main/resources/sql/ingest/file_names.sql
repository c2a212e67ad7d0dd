-- Each loaded file with its path, its current relative name, and its sheet when its workbook gave several files
-- (a single sheet does not name the file), in path order (RelativePaths).
select source_file_id, path, relative_path,
       case when count(*) over (partition by path) > 1 then sheet end
from source_files
order by path, source_file_id;
