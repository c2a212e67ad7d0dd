-- Each metric's status, rows and note: why a report section has nothing to show, or what it should say beside it.
select metric, status, row_count, note
from metric_status
