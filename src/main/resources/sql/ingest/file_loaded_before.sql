-- Whether an earlier load of this path left rows to replace (the parameter: the file's path).
select count(*)
from source_files
where path = ?;
