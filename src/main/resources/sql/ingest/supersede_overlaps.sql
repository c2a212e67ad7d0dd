-- Two exports that overlap (Jan-Mar and Mar-May with the same deals or invoices): the later export wins.
-- "Later" = the file whose loaded business dates end later (source_files.max_date), then the later path (and
-- the later sheet name, between sheets of one workbook).
-- Rows of the earlier file with a key the later file also has are removed and counted as skipped in that
-- file's accounting (read = loaded + rejected + skipped still holds), with a message naming the winner.
-- Keys: opportunities.opportunity_id; revenue_lines.document_number (an invoice comes from one file), also where the
-- later export skips the document for its status.
-- Only the same export taken again supersedes: the same profile, and the key naming the same record (the same
-- customer for a document number, the same account for a deal id). Two exports that share numbers but not their
-- content (two companies' invoices both numbered INV-1001) are both kept, and overlap_conflicts lists them for
-- the data-quality findings: the numbers alone do not make them the same.
-- Duplicates inside one file are not touched here (data_quality_findings reports them).

create or replace temp table overlap_candidates as
with opportunity_files as (
    select opportunity_id, source_file_id, min(coalesce(account_name, '')) as content from opportunities group by all
),
opportunity_ranked as (
    select k.opportunity_id, k.source_file_id, k.content, f.profile,
           row_number() over (partition by k.opportunity_id order by f.max_date desc nulls last, f.path desc, f.sheet desc nulls last) as file_rank
    from opportunity_files k join source_files f on f.source_file_id = k.source_file_id
),
-- a document a later export skips (voided or deleted since, skipped_documents) is superseded there too: the
-- later export says what became of it
document_files as (
    select document_number, source_file_id, min(content) as content from (
        select document_number, source_file_id, coalesce(customer_name, '') as content
        from revenue_lines where document_number is not null
        union all
        select document_number, source_file_id, coalesce(customer_name, '') from skipped_documents
    ) group by all
),
-- Lines without a document number (a QuickBooks refund receipt or sales receipt without a Num): the same line (customer,
-- date, amount, product; the n-th such in its file) in two exports of one profile is one line exported twice.
unnumbered_lines as (
    select r.source_file_id, r.source_row, f.profile,
           coalesce(r.customer_name, '') || '|' || r.line_date || '|' || r.amount || '|' || coalesce(r.product, '') || '|'
             || row_number() over (partition by r.source_file_id, r.customer_name, r.line_date, r.amount, r.product
                                   order by r.source_row) as line_key
    from revenue_lines r join source_files f on f.source_file_id = r.source_file_id
    where r.document_number is null
),
unnumbered_ranked as (
    select u.*, f.max_date, f.path, f.sheet,
           first_value(u.source_file_id) over (partition by u.profile, u.line_key
                                               order by f.max_date desc nulls last, f.path desc, f.sheet desc nulls last) as winner_file_id
    from unnumbered_lines u join source_files f on f.source_file_id = u.source_file_id
),
document_ranked as (
    select k.document_number, k.source_file_id, k.content, f.profile,
           row_number() over (partition by k.document_number order by f.max_date desc nulls last, f.path desc, f.sheet desc nulls last) as file_rank
    from document_files k join source_files f on f.source_file_id = k.source_file_id
)
select 'opportunities' as table_name, o.source_file_id, o.source_row, w.source_file_id as winner_file_id,
       o.opportunity_id as key_value,
       w.profile = f.profile and w.content = coalesce(o.account_name, '') as same_export
from opportunities o
join source_files f on f.source_file_id = o.source_file_id
join opportunity_ranked w on w.opportunity_id = o.opportunity_id and w.file_rank = 1
where o.source_file_id <> w.source_file_id
union all
select 'revenue_lines', r.source_file_id, r.source_row, w.source_file_id, r.document_number,
       w.profile = f.profile and w.content = coalesce(r.customer_name, '')
from revenue_lines r
join source_files f on f.source_file_id = r.source_file_id
join document_ranked w on w.document_number = r.document_number and w.file_rank = 1
where r.source_file_id <> w.source_file_id
union all
select 'revenue_lines', u.source_file_id, u.source_row, u.winner_file_id, 'line ' || u.line_key, true
from unnumbered_ranked u
where u.source_file_id <> u.winner_file_id;

-- Numbers two exports share without being the same export: kept in both, reported (data_quality.sql).
delete from overlap_conflicts;
insert into overlap_conflicts
select table_name, source_file_id, winner_file_id, count(distinct key_value),
       string_agg(distinct key_value, ', ' order by key_value)
from overlap_candidates where not same_export
group by table_name, source_file_id, winner_file_id;

create or replace temp table superseded_rows as
select table_name, source_file_id, source_row, winner_file_id, key_value like 'line %' as unnumbered
from overlap_candidates where same_export;

update source_files
set rows_loaded = rows_loaded - s.superseded,
    rows_skipped = rows_skipped + s.superseded,
    message = coalesce(message || '; ', '') || s.superseded || ' rows superseded by the later export '
              || s.winners || ' (same ' || s.key_name || '; the later export wins)'
from (
    select s.source_file_id, count(*) as superseded,
           string_agg(distinct regexp_extract(w.path, '[^/]+$'), ', ') as winners,
           case when min(s.table_name) = 'opportunities' then 'opportunity ids'
                when bool_and(s.unnumbered) then 'lines without a document number: customer, date, amount and product'
                when bool_or(s.unnumbered) then 'document numbers, or the same lines without one'
                else 'document numbers' end as key_name
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
drop table overlap_candidates;
