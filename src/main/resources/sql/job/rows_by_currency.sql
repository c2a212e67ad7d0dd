-- Loaded rows by currency (null: the export named none, so the run's currency is assumed), per table: what the
-- currency guard compares with the run's currency.
select coalesce(currency, '') as currency, 'opportunities' as table_name, count(*) as row_count
from opportunities group by all
union all
select coalesce(currency, ''), 'revenue lines', count(*) from revenue_lines group by all
order by 1, 2;
