-- How many rows each loaded table holds (part of the metrics' inputs, beside the files' own records).
select 'opportunities', count(*) from opportunities
union all select 'accounts', count(*) from accounts
union all select 'reps', count(*) from reps
union all select 'revenue_lines', count(*) from revenue_lines
union all select 'leads', count(*) from leads
union all select 'users', count(*) from users
union all select 'activities', count(*) from activities
union all select 'stage_changes', count(*) from stage_changes
union all select 'stage_entries', count(*) from stage_entries
union all select 'rejects', count(*) from rejects
union all select 'overlap_conflicts', count(*) from overlap_conflicts
order by 1;
