-- Records a project's own metric table as computed (parameters: its table, its row count, the note naming its file).
-- Not a metric: sql/metrics/ORDER names the files MetricsRunner runs as metrics, and this folder is not among them.
insert into metric_status (metric, status, row_count, note)
values (?, 'computed', ?, ?)
