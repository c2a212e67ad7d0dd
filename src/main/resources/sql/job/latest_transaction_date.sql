-- The as-of date of a data dump analysed "as of its own data": the latest transaction date found.
-- Transactions: revenue lines, opportunity creations, and closes of won/lost opportunities.
-- Open opportunities' close dates are expected dates (often in the future) and do not count.
select max(d) as latest_transaction_date
from (
    select max(line_date) as d from revenue_lines
    union all
    select max(created_date) from opportunities
    union all
    select max(close_date) from opportunities where status in ('won', 'lost')
) as dates
