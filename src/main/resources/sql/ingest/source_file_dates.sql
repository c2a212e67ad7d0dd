-- Date range of a loaded file (the parameter: its source_file_id): the business dates of the rows it loaded.
update source_files
set min_date = d.min_date, max_date = d.max_date
from (
    select source_file_id, min(d) as min_date, max(d) as max_date
    from (
        select source_file_id, created_date as d from opportunities
        union all select source_file_id, close_date from opportunities where status <> 'open'
        union all select source_file_id, line_date from revenue_lines
        union all select source_file_id, hire_date from reps
        union all select source_file_id, created_date from leads
        union all select source_file_id, activity_date from activities
    ) as dated
    where d is not null and source_file_id = ?
    group by source_file_id
) as d
where source_files.source_file_id = d.source_file_id;
