package io.revlens.metrics;

import java.time.Duration;

/** One metric table after a run: computed, partial or not_computed, its row count and why. */
public record MetricResult(String table, String status, long rowCount, String note, Duration elapsed) {
}
