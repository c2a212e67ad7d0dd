-- Opportunity-level tables have one row per deal row: no join multiplied them. Returns the table that did.
select 'opportunity_progress' as table_name, (select count(*) from opportunity_progress) as rows_found,
       (select count(*) from opportunities o, run_parameters p where o.currency is null or o.currency = p.currency) as rows_expected
where rows_found <> rows_expected
union all
select 'stalled_deals', count(*), count(distinct (source_file, source_row))
from stalled_deals having count(*) <> count(distinct (source_file, source_row))
union all
select 'rep_scorecard', count(*), count(distinct rep_name) from rep_scorecard having count(*) <> count(distinct rep_name);
