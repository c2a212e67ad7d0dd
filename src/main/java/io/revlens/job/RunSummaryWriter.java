package io.revlens.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.revlens.delivery.OutputCopier;
import io.revlens.model.Failures;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code <out>/run-summary.json} when a run ends, whatever its status: per input file
 * the rows read, loaded, rejected and skipped, the metrics computed, the outputs, and timings.
 */
final class RunSummaryWriter implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FILES_SQL = SqlScript.loadOne("sql/job/run_summary_files.sql");

    /** Totals kept in the job execution's context, so the job history can show them. */
    static final String ROWS_READ = "rows_read";
    static final String ROWS_LOADED = "rows_loaded";
    static final String ROWS_REJECTED = "rows_rejected";

    private final RunRequest request;
    private final JobRepository jobRepository;

    RunSummaryWriter(RunRequest request, JobRepository jobRepository) {
        this.request = request;
        this.jobRepository = jobRepository;
    }

    @Override
    public void afterJob(JobExecution execution) {
        Path temp = request.outDir().resolve("run-summary.json.tmp");
        try {
            Map<String, Object> summary = summarise(execution);
            Files.createDirectories(request.outDir());
            JSON.writeValue(temp.toFile(), summary);
            Files.move(temp, request.summaryJson(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.error("Could not write {}: {}", request.summaryJson(), e.getMessage());
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the folder itself is failing; the error above says so
            }
        }
        var context = execution.getExecutionContext();
        if (context.containsKey(DeliverOutputsTasklet.DELIVERY_FOLDER) && Files.exists(request.summaryJson())) {
            Path folder = Path.of(context.getString(DeliverOutputsTasklet.DELIVERY_FOLDER));
            try {
                OutputCopier.copyFile(request.summaryJson(), folder.resolve(request.summaryJson().getFileName().toString()));
            } catch (IOException | RuntimeException e) {
                log.error("Could not copy {} to {}: {}", request.summaryJson(), folder, e.getMessage());
            }
        }
    }

    private void recordTotals(JobExecution execution, Map<String, Object> totals) {
        try {
            var context = execution.getExecutionContext();
            context.putLong(ROWS_READ, ((Number) totals.get("rows_read")).longValue());
            context.putLong(ROWS_LOADED, ((Number) totals.get("rows_loaded")).longValue());
            context.putLong(ROWS_REJECTED, ((Number) totals.get("rows_rejected")).longValue());
            jobRepository.updateExecutionContext(execution);
        } catch (RuntimeException e) {
            log.warn("Could not record the run's totals in the job history: {}", e.getMessage());
        }
    }

    private Map<String, Object> summarise(JobExecution execution) {
        var jobContext = execution.getExecutionContext();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("job", request.job().name());
        summary.put("company", request.job().company());
        summary.put("status", execution.getStatus().name());
        summary.put("job_execution_id", execution.getId());
        summary.put("as_of_date", jobContext.containsKey(ComputeMetricsTasklet.AS_OF_DATE)
                ? jobContext.getString(ComputeMetricsTasklet.AS_OF_DATE) : null);
        summary.put("as_of_basis", jobContext.containsKey(ComputeMetricsTasklet.AS_OF_BASIS)
                ? jobContext.getString(ComputeMetricsTasklet.AS_OF_BASIS) : null);
        summary.put("data_end_date", jobContext.containsKey(ComputeMetricsTasklet.DATA_END_DATE)
                ? jobContext.getString(ComputeMetricsTasklet.DATA_END_DATE) : null);
        summary.put("data_stale", jobContext.containsKey(ComputeMetricsTasklet.DATA_STALE)
                ? jobContext.getString(ComputeMetricsTasklet.DATA_STALE) : null);
        summary.put("started_at", text(execution.getStartTime()));
        summary.put("finished_at", text(execution.getEndTime()));
        summary.put("duration_seconds", seconds(execution.getStartTime(), execution.getEndTime()));
        summary.put("error", firstError(execution));
        summary.put("steps", steps(execution));
        List<Map<String, Object>> files = files();
        summary.put("files", files);
        Map<String, Object> totals = totals(files);
        summary.put("totals", totals);
        recordTotals(execution, totals);
        summary.put("metrics", metrics(jobContext));
        // What this run kept from an earlier one instead of doing again (its inputs had not changed).
        Map<String, Object> reused = new LinkedHashMap<>();
        reused.put("files", files.stream().filter(file -> Boolean.TRUE.equals(file.get("unchanged"))).count());
        reused.put("profile", jobContext.containsKey(ProfileDataTasklet.PROFILE_REUSED));
        reused.put("metrics", jobContext.containsKey(ComputeMetricsTasklet.METRICS_REUSED));
        reused.put("reports", jobContext.containsKey(RenderReportsTasklet.REPORTS_REUSED));
        summary.put("reused", reused);
        if (jobContext.containsKey(ComputeMetricsTasklet.METRICS)) {
            // the business summary the console prints beside the row accounting (top issues, key numbers)
            Headline headline = Headline.read(request.databaseFile(), request.job().currency(), 3);
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("triggers", headline.triggers());
            head.put("kpis", headline.kpis().stream().map(Headline.Kpi::line).toList());
            summary.put("headline", head);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("folder", request.outDir().toString());
        outputs.put("database", request.databaseFile().toString());
        outputs.put("metrics_dir", request.metricsDir().toString());
        outputs.put("rejects_csv", request.rejectsCsv().toString());
        List<String> documents = jobContext.containsKey(RenderReportsTasklet.OUTPUTS)
                ? Arrays.asList(jobContext.getString(RenderReportsTasklet.OUTPUTS).split("\n")) : List.of();
        outputs.put("documents", documents);
        // What an identical run later checks before saying there is nothing to do (OutputsCheck).
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String document : documents) {
            try {
                if (!document.isBlank() && Files.exists(Path.of(document))) {
                    hashes.put(document, OutputsCheck.sha256(Path.of(document)));
                }
            } catch (IOException e) {
                log.warn("Could not hash {}: {}", document, e.getMessage());
            }
        }
        outputs.put("hashes", hashes);
        summary.put("outputs", outputs);
        if (jobContext.containsKey(DeliverOutputsTasklet.DELIVERY_FOLDER) || jobContext.containsKey(DeliverOutputsTasklet.EMAIL_RESULT)) {
            Map<String, Object> delivery = new LinkedHashMap<>();
            if (jobContext.containsKey(DeliverOutputsTasklet.DELIVERY_FOLDER)) {
                delivery.put("folder", jobContext.getString(DeliverOutputsTasklet.DELIVERY_FOLDER));
            }
            if (jobContext.containsKey(DeliverOutputsTasklet.EMAIL_RESULT)) {
                delivery.put("email", jobContext.getString(DeliverOutputsTasklet.EMAIL_RESULT));
            }
            summary.put("delivery", delivery);
        }
        return summary;
    }

    private static List<Map<String, Object>> steps(JobExecution execution) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", step.getStepName());
            row.put("status", step.getStatus().name());
            row.put("started_at", text(step.getStartTime()));
            row.put("finished_at", text(step.getEndTime()));
            row.put("duration_seconds", seconds(step.getStartTime(), step.getEndTime()));
            row.put("read_count", step.getReadCount());
            row.put("write_count", step.getWriteCount());
            row.put("filter_count", step.getFilterCount());
            row.put("skip_count", step.getSkipCount());
            steps.add(row);
        }
        return steps;
    }

    private List<Map<String, Object>> files() {
        if (!Files.exists(request.databaseFile())) {
            return List.of();
        }
        List<Map<String, Object>> files = new ArrayList<>();
        try (Connection connection = Workspace.open(request.databaseFile());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(FILES_SQL)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(meta.getColumnLabel(i), value instanceof Number || value instanceof Boolean || value == null
                            ? value : value.toString());
                }
                files.add(row);
            }
        } catch (Exception e) {
            log.warn("Could not read source_files from {}: {}", request.databaseFile(), e.getMessage());
        }
        return files;
    }

    private static Map<String, Object> totals(List<Map<String, Object>> files) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("files", files.stream().map(file -> file.get("path")).distinct().count()); // a workbook's sheets: one file
        for (String key : List.of("rows_read", "rows_loaded", "rows_rejected", "rows_skipped")) {
            totals.put(key, files.stream().mapToLong(f -> ((Number) f.getOrDefault(key, 0L)).longValue()).sum());
        }
        return totals;
    }

    /** The first failure of a run, by its innermost message; null when it did not fail. */
    static String firstError(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(Failures::innermostMessage)
                .findFirst()
                .orElse(null);
    }

    private static String text(LocalDateTime time) {
        return time == null ? null : time.toString();
    }

    private static Double seconds(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis() / 1000.0;
    }

    /**
     * The metric results with each table's CSV: its path, or null with why for a row-level table this run does not
     * write as CSV (a failed project metric made no table, so no CSV either).
     */
    private List<Map<String, Object>> metrics(ExecutionContext jobContext) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Map<String, Object> result : MetricTables.results(jobContext)) {
            Map<String, Object> row = new LinkedHashMap<>(result);
            String table = String.valueOf(row.get("table"));
            boolean written = !"failed".equals(row.get("status")) && request.job().writes(table);
            row.put("csv", written ? request.metricsDir().resolve(table + ".csv").toString() : null);
            if (!"failed".equals(row.get("status")) && !written) {
                row.put("csv_note", MetricTables.ROW_LEVEL_NOTE);
            }
            metrics.add(row);
        }
        return metrics;
    }
}
