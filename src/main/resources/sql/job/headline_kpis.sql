-- The key numbers of the headline with their status, in scorecard order.
select kpi, unit, this_period, status
from kpi_scorecard
order by kpi_order
