-- Data-quality profile of the loaded canonical tables; feeds the data-dump analysis report.
-- data_quality_columns: one row per table per column (row count, nulls, null rate; null rate is NULL
-- for an empty table). data_quality_findings: one row per finding worth reading
-- (duplicate keys, date ranges, orphan references, mixed currencies), affected_rows = rows concerned.
-- The column statistics are inserted from Java (one query per table, generated from the catalog);
-- the findings below are plain SQL.

create or replace table data_quality_columns (
    table_name    varchar not null,
    column_name   varchar not null,
    row_count     bigint  not null,
    null_count    bigint  not null,
    null_rate     decimal(9,4)
);

create or replace table data_quality_findings (
    table_name    varchar not null,
    finding       varchar not null,   -- duplicate_keys | date_range | orphan_account | orphan_rep | mixed_currencies
    detail        varchar,
    affected_rows bigint  not null
);

insert into data_quality_findings
select 'opportunities', 'duplicate_keys',
       count(*) || ' opportunity ids appear more than once (e.g. ' || min(opportunity_id) || ')', sum(n)
from (select opportunity_id, count(*) as n from opportunities group by opportunity_id having count(*) > 1)
having count(*) > 0;

insert into data_quality_findings
select 'accounts', 'duplicate_keys',
       count(*) || ' account names appear more than once (e.g. ' || min(account_name) || ')', sum(n)
from (select account_name, count(*) as n from accounts group by account_name having count(*) > 1)
having count(*) > 0;

insert into data_quality_findings
select 'reps', 'duplicate_keys',
       count(*) || ' rep names appear more than once (e.g. ' || min(rep_name) || ')', sum(n)
from (select rep_name, count(*) as n from reps group by rep_name having count(*) > 1)
having count(*) > 0;

insert into data_quality_findings
select 'opportunities', 'date_range',
       'created ' || coalesce(cast(min(created_date) as varchar), '-') || ' .. ' || coalesce(cast(max(created_date) as varchar), '-')
       || '; closed ' || coalesce(cast(min(close_date) as varchar), '-') || ' .. ' || coalesce(cast(max(close_date) as varchar), '-'),
       count(*)
from opportunities
having count(*) > 0;

insert into data_quality_findings
select 'revenue_lines', 'date_range',
       cast(min(line_date) as varchar) || ' .. ' || cast(max(line_date) as varchar), count(*)
from revenue_lines
having count(*) > 0;

insert into data_quality_findings
select 'opportunities', 'orphan_account',
       count(distinct o.account_name) || ' account names not found in accounts (e.g. ' || min(o.account_name) || ')',
       count(*)
from opportunities o
where o.account_name is not null
  and exists (select 1 from accounts)
  and not exists (select 1 from accounts a where a.account_name = o.account_name)
having count(*) > 0;

insert into data_quality_findings
select 'opportunities', 'orphan_rep',
       count(distinct o.rep_name) || ' rep names not found in reps (e.g. ' || min(o.rep_name) || ')', count(*)
from opportunities o
where o.rep_name is not null
  and exists (select 1 from reps)
  and not exists (select 1 from reps r where r.rep_name = o.rep_name)
having count(*) > 0;

insert into data_quality_findings
select 'opportunities', 'mixed_currencies',
       string_agg(currency || ' ' || n, ', ' order by n desc, currency), sum(n)
from (select currency, count(*) as n from opportunities where currency is not null group by currency)
having count(*) > 1;

insert into data_quality_findings
select 'revenue_lines', 'mixed_currencies',
       string_agg(currency || ' ' || n, ', ' order by n desc, currency), sum(n)
from (select currency, count(*) as n from revenue_lines where currency is not null group by currency)
having count(*) > 1;
