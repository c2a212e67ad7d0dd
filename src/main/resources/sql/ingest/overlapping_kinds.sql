-- How many of the kinds one file's rows can supersede another's in have more than one file: none means
-- supersede_overlaps.sql would find nothing.
select count(*)
from (
    select kind
    from source_files
    where kind in ('opportunities', 'revenue_lines')
    group by kind
    having count(*) > 1
);
