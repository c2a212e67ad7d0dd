-- The columns a profile mapped on its last recorded file (the parameter: the profile's name).
select file_name, mapped_columns, header
from column_signatures
where profile = ?
order by recorded_at desc
limit 1;
