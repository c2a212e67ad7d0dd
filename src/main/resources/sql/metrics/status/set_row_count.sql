-- Records how many rows a metric table holds (parameters: the count, the metric).
-- Not a metric: sql/metrics/ORDER names the files MetricsRunner runs as metrics, and this folder is not among them.
update metric_status set row_count = ? where metric = ?
