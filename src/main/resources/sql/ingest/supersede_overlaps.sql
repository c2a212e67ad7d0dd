-- Two exports that overlap (Jan-Mar and Mar-May with the same deals or invoices): the later export wins.
-- "Later" = the file whose loaded business dates end later (source_files.max_date), then the later path.
-- Rows of the earlier file with a key the later file also has are removed and counted as skipped in that
-- file's accounting (read = loaded + rejected + skipped still holds), with a message naming the winner.
-- Keys: opportunities.opportunity_id; revenue_lines.document_number (an invoice comes from one file).
-- Duplicates inside one file are not touched here (data_quality_findings reports them).

create or replace temp table superseded_rows as
with opportunity_files as (
    select distinct opportunity_id, source_file_id from opportunities
),
opportunity_ranked as (
    select k.opportunity_id, k.source_file_id,
           row_number() over (partition by k.opportunity_id order by f.max_date desc nulls last, f.path desc) as file_rank
    from opportunity_files k join source_files f on f.source_file_id = k.source_file_id
),
document_files as (
    select distinct document_number, source_file_id from revenue_lines where document_number is not null
),
document_ranked as (
    select k.document_number, k.source_file_id,
           row_number() over (partition by k.document_number order by f.max_date desc nulls last, f.path desc) as file_rank
    from document_files k join source_files f on f.source_file_id = k.source_file_id
)
select 'opportunities' as table_name, o.source_file_id, o.source_row, w.source_file_id as winner_file_id
from opportunities o
join opportunity_ranked w on w.opportunity_id = o.opportunity_id and w.file_rank = 1
where o.source_file_id <> w.source_file_id
union all
select 'revenue_lines', r.source_file_id, r.source_row, w.source_file_id
from revenue_lines r
join document_ranked w on w.document_number = r.document_number and w.file_rank = 1
where r.source_file_id <> w.source_file_id;

update source_files
set rows_loaded = rows_loaded - s.superseded,
    rows_skipped = rows_skipped + s.superseded,
    message = coalesce(message || '; ', '') || s.superseded || ' rows superseded by the later export '
              || s.winners || ' (same ' || s.key_name || '; the later export wins)'
from (
    select s.source_file_id, count(*) as superseded,
           string_agg(distinct regexp_extract(w.path, '[^/]+$'), ', ') as winners,
           case when min(s.table_name) = 'opportunities' then 'opportunity ids' else 'document numbers' end as key_name
    from superseded_rows s join source_files w on w.source_file_id = s.winner_file_id
    group by s.source_file_id
) as s
where source_files.source_file_id = s.source_file_id;

delete from stage_entries h
where exists (select 1 from superseded_rows s
              where s.table_name = 'opportunities' and s.source_file_id = h.source_file_id and s.source_row = h.source_row);

delete from opportunities o
where exists (select 1 from superseded_rows s
              where s.table_name = 'opportunities' and s.source_file_id = o.source_file_id and s.source_row = o.source_row);

delete from revenue_lines r
where exists (select 1 from superseded_rows s
              where s.table_name = 'revenue_lines' and s.source_file_id = r.source_file_id and s.source_row = r.source_row);

drop table superseded_rows;
