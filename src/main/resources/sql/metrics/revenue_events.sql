-- revenue_events: one row per revenue line (or per won opportunity when no finance export exists),
-- in the run currency (rows in other currencies are left out and reported in metric_status); written in lineage
-- order (file, row: model/OutputQuery).
-- Credit notes are negative lines and net against revenue. A view, not a table: copying a million
-- lines took longer than any metric that reads them.
create or replace view revenue_events as
with params as (select currency from run_parameters),
has_lines as (select count(*) > 0 as yes from revenue_lines)
select r.customer_name, r.line_date as event_date, r.amount, r.is_credit, r.source_file_id, r.source_row,
       'revenue_lines' as revenue_basis
from revenue_lines r, params, has_lines
where has_lines.yes and (r.currency is null or r.currency = params.currency)
union all
select o.account_name, o.close_date, o.amount, false, o.source_file_id, o.source_row, 'won_opportunities'
from opportunities o, params, has_lines
where not has_lines.yes and o.status = 'won' and o.close_date is not null and o.amount is not null
  and (o.currency is null or o.currency = params.currency);
