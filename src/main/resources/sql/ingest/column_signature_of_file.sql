-- The profile a file name was last read with, and what it mapped (the parameter: the file name).
select profile, mapped_columns, header
from column_signatures
where file_name = ?
order by recorded_at desc
limit 1;
