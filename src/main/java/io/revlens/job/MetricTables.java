package io.revlens.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Reads back the metric results that {@link ComputeMetricsTasklet} left in the job's context. */
final class MetricTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a row-level table has no CSV or workbook sheet, said in the run summary, the workbook and on the console. */
    static final String ROW_LEVEL_NOTE = "one row per input row, as large as the export: written as CSV (and workbook"
            + " sheet) with row_level_tables: true in the job file or --row-level-tables";

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

    /** The tables this run writes out (CSV, workbook sheet): every listed table but the row-level ones not asked for. */
    static List<String> written(ExecutionContext jobContext, JobDefinition job) {
        return listed(jobContext).stream().filter(job::writes).toList();
    }

    static List<String> listed(ExecutionContext jobContext) {
        // a project metric file that failed made no table: it is in the run summary, not an output
        return results(jobContext).stream().filter(r -> !"failed".equals(r.get("status"))).map(r -> (String) r.get("table")).toList();
    }
}
