package io.revlens.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Reads back the metric results that {@link ComputeMetricsTasklet} left in the job's context. */
final class MetricTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a row-level table has no CSV, said in the run summary and on the console. */
    static final String ROW_LEVEL_NOTE = "one row per input row, as large as the export: its CSV is written with"
            + " row_level_csvs: true in the job file or --row-level-csvs";

    private MetricTables() {
    }

    static List<Map<String, Object>> results(ExecutionContext jobContext) {
        if (!jobContext.containsKey(ComputeMetricsTasklet.METRICS)) {
            return List.of();
        }
        try {
            return JSON.readValue(jobContext.getString(ComputeMetricsTasklet.METRICS), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable metric results in the job context", e);
        }
    }

    /** The tables whose CSV this run writes: every listed table but the row-level ones not asked for. */
    static List<String> withCsv(ExecutionContext jobContext, JobDefinition job) {
        return listed(jobContext).stream().filter(job::writesCsv).toList();
    }

    static List<String> listed(ExecutionContext jobContext) {
        // a project metric file that failed made no table: it is in the run summary, not an output
        return results(jobContext).stream().filter(r -> !"failed".equals(r.get("status"))).map(r -> (String) r.get("table")).toList();
    }
}
