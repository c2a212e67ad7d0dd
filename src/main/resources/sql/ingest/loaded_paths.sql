-- The paths earlier runs loaded, to find those no longer in the run's input folders (VanishedFiles).
select distinct path
from source_files
order by path;
