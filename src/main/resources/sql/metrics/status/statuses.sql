-- Each metric's status and note, as the metric files left them.
-- Not a metric: sql/metrics/ORDER names the files MetricsRunner runs as metrics, and this folder is not among them.
select metric, status, note
from metric_status
