-- Data-quality profile of the loaded canonical tables (docs/data-model.md, "Data quality").
-- data_quality_columns: one row per table column — rows, nulls, null rate.
-- data_quality_findings: one row per finding — duplicates, orphans, mixed currencies, odd values.

-- Non-null counts of every column in one scan per table (SUMMARIZE would also compute quantiles
-- and distinct counts, several times slower on millions of rows); null_rate to 4 decimals.
create or replace temp macro column_non_nulls(table_name) as table
    select table_name as table_name, column_name, non_null, (select count(*) from query_table(table_name)) as row_count
    from (unpivot (select count(columns(* exclude (source_file_id, source_row))) from query_table(table_name))
          on columns(*) into name column_name value non_null);

create or replace table data_quality_columns as
with non_null as (
    select * from column_non_nulls('opportunities')
    union all select * from column_non_nulls('accounts')
    union all select * from column_non_nulls('reps')
    union all select * from column_non_nulls('revenue_lines')
    union all select * from column_non_nulls('leads')
    union all select * from column_non_nulls('users')
    union all select * from column_non_nulls('activities')
)
select table_name, column_name, row_count, row_count - non_null as null_count,
       round((row_count - non_null) / row_count, 4) as null_rate
from non_null
where row_count > 0;

create or replace table data_quality_findings as
with duplicate_opportunities as (
    select count(*) as affected_rows from (
        select opportunity_id from opportunities group by opportunity_id having count(*) > 1)
),
duplicate_reps as (
    select count(*) as affected_rows, string_agg(rep_name, ', ' order by rep_name) as examples from (
        select rep_name from reps group by rep_name having count(*) > 1)
),
reps_loaded as (select count(*) > 0 as has_reps from reps),
accounts_loaded as (select count(*) > 0 as has_accounts from accounts),
orphan_reps as (
    select count(*) as affected_rows, string_agg(distinct o.rep_name, ', ' order by o.rep_name) as examples
    from opportunities o
    where o.rep_name is not null and not exists (select 1 from reps r where r.rep_name = o.rep_name)
),
orphan_accounts as (
    select count(*) as affected_rows, string_agg(distinct o.account_name, ', ' order by o.account_name) as examples
    from opportunities o
    where o.account_name is not null and not exists (select 1 from accounts a where a.account_name = o.account_name)
),
currencies as (
    select 'opportunities' as table_name, count(distinct currency) as currency_count, string_agg(distinct currency, ', ' order by currency) as list,
           count(*) filter (where currency is not null) as affected_rows
    from opportunities
    union all
    select 'revenue_lines', count(distinct currency), string_agg(distinct currency, ', ' order by currency), count(*) filter (where currency is not null)
    from revenue_lines
),
findings as (
    select 'opportunities' as table_name, 'duplicate keys' as finding,
           'opportunity_id appears more than once' as detail, affected_rows
    from duplicate_opportunities where affected_rows > 0
    union all
    select 'reps', 'duplicate keys', 'rep_name appears more than once (in several rosters): ' || left(examples, 200),
           affected_rows
    from duplicate_reps where affected_rows > 0
    union all
    select 'opportunities', 'orphan reference', 'owner not in the reps table: ' || left(examples, 200), affected_rows
    from orphan_reps, reps_loaded where has_reps and affected_rows > 0
    union all
    select 'opportunities', 'orphan reference', 'account not in the accounts table: ' || left(examples, 200), affected_rows
    from orphan_accounts, accounts_loaded where has_accounts and affected_rows > 0
    union all
    -- stage changes that join no loaded deal (by id, or by a name one deal and one history id carry, as
    -- stage_history_by_row joins them) add nothing to the funnel
    select 'stage_changes', 'orphan reference', 'stage changes that match no loaded deal by id, or by a name only one'
           || ' deal carries (' || count(distinct c.opportunity_id) || ' deals, e.g. '
           || left(string_agg(distinct coalesce(c.opportunity_name, c.opportunity_id), ', '
           order by coalesce(c.opportunity_name, c.opportunity_id)), 120)
           || '): add the deals export, or its Opportunity ID column', count(*)
    from stage_changes c
    where not exists (select 1 from opportunities o where o.opportunity_id = c.opportunity_id)
      and not (c.opportunity_name in (select opportunity_name from opportunities group by opportunity_name
                                      having count(*) = 1)
               and c.opportunity_name in (select opportunity_name from stage_changes group by opportunity_name
                                          having count(distinct opportunity_id) = 1))
    having count(*) > 0
    union all
    select table_name, 'mixed currencies', 'currencies found: ' || list, affected_rows
    from currencies where currency_count > 1
    union all
    select 'opportunities', 'unresolved reference', 'account id not in any accounts export (the id is shown as the name): '
           || left(string_agg(distinct account_id, ', ' order by account_id), 200), count(*)
    from opportunities where account_id is not null and account_name = account_id having count(*) > 0
    union all
    select 'opportunities', 'unresolved reference', 'owner id not in any users or reps export (the id is shown as the name): '
           || left(string_agg(distinct rep_id, ', ' order by rep_id), 200), count(*)
    from opportunities where rep_id is not null and rep_name = rep_id having count(*) > 0
    union all
    select 'opportunities', 'close before create', 'close date earlier than created date', count(*)
    from opportunities where close_date < created_date having count(*) > 0
    union all
    select 'opportunities', 'missing account', 'no account on the opportunity', count(*)
    from opportunities where account_name is null having count(*) > 0
    union all
    select 'opportunities', 'negative amount', 'amount below zero', count(*)
    from opportunities where amount < 0 having count(*) > 0
    union all
    select 'revenue_lines', 'missing customer', 'no customer on the line (excluded from concentration)', count(*)
    from revenue_lines where customer_name is null having count(*) > 0
    union all
    select 'revenue_lines', 'credit notes', 'credit notes and negative lines, netted into revenue', count(*)
    from revenue_lines where is_credit having count(*) > 0
    union all
    select 'revenue_lines', 'tax taken off', count(distinct document_number) || ' document(s) whose line amounts included tax: '
           || format('{:,.2f}', sum(coalesce(abs(tax_amount), 0))) || ' of tax taken off their revenue', count(*)
    from revenue_lines where tax_basis = 'inclusive' having count(*) > 0
    union all
    select 'revenue_lines', 'tax treatment unknown', count(distinct document_number) || ' document(s) whose lines carry tax and add up'
           || ' neither to their total nor to their total less tax (e.g. ' || min(document_number)
           || '): amounts taken as exported, which may include tax', count(*)
    from revenue_lines where tax_basis is null and tax_amount is not null and tax_amount <> 0 having count(*) > 0
    union all
    select 'reps', 'no hire dates', 'no rep has a hire date: ramp cannot be computed', count(*)
    from reps having count(*) > 0 and count(hire_date) = 0
    union all
    select 'opportunities', 'date range', 'created ' || coalesce(cast(min(created_date) as varchar), '-') || ' .. '
           || coalesce(cast(max(created_date) as varchar), '-') || '; closed (won/lost) '
           || coalesce(cast(min(close_date) filter (where status <> 'open') as varchar), '-') || ' .. '
           || coalesce(cast(max(close_date) filter (where status <> 'open') as varchar), '-'), count(*)
    from opportunities having count(*) > 0
    union all
    select c.table_name, 'same numbers, different records',
           regexp_extract(a.path, '[^/]+$') || ' and ' || regexp_extract(b.path, '[^/]+$') || ' share ' || c.keys
             || case when c.table_name = 'revenue_lines' then ' document number(s) for other customers' else ' deal id(s) for other accounts' end
             || ' (' || left(c.examples, 200) || '): both kept, as two different sources; if one is a re-export of the other, remove one',
           c.keys
    from overlap_conflicts c join source_files a on a.source_file_id = c.source_file_id
    join source_files b on b.source_file_id = c.other_file_id
    union all
    select 'revenue_lines', 'date range', cast(min(line_date) as varchar) || ' .. ' || cast(max(line_date) as varchar),
           count(*)
    from revenue_lines having count(*) > 0
)
select * from findings;
