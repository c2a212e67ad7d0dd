package io.revlens.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.revlens.metrics.MetricCsvWriter;
import io.revlens.metrics.MetricResult;
import io.revlens.metrics.MetricsRunner;
import io.revlens.model.Workspace;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Decides the as-of date, writes {@code run_parameters}, runs every metric SQL file and writes the rejects
 * to {@code <out>/rejects.csv}; the metric tables' CSVs are written by {@link RenderReportsTasklet}, while it
 * renders the reports.
 */
final class ComputeMetricsTasklet implements Tasklet {

    static final String AS_OF_DATE = "as_of_date";
    static final String AS_OF_BASIS = "as_of_basis";
    static final String METRICS = "metrics";
    /** The latest transaction date loaded, and the staleness note when it ends too long before the as-of date. */
    static final String DATA_END_DATE = "data_end_date";
    static final String DATA_STALE = "data_stale";
    /** Why a dump yielded no dated transaction: the run still computes and renders, then fails with this. */
    static final String NOTHING_USABLE = "nothing_usable";
    /** The key of what the metric tables were computed from (MetricsState); the reports' key builds on it. */
    static final String METRICS_KEY = "metrics_key";
    /** Present when the metric tables an earlier run computed from the same inputs were kept. */
    static final String METRICS_REUSED = "metrics_reused";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ComputeMetricsTasklet.class);

    private final RunRequest request;
    private final LocalDate runDate;
    private final TriggerMemory triggerMemory;

    ComputeMetricsTasklet(RunRequest request, LocalDate runDate, TriggerMemory triggerMemory) {
        this.request = request;
        this.runDate = runDate;
        this.triggerMemory = triggerMemory;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        try (Connection connection = Workspace.open(request.databaseFile())) {
            AsOf asOf = resolveAsOf(connection);
            if (asOf.nothingUsable() != null) {
                jobContext.putString(NOTHING_USABLE, asOf.nothingUsable());
            }
            jobContext.putString(AS_OF_DATE, asOf.date().toString());
            jobContext.putString(AS_OF_BASIS, asOf.basis());
            RunParametersWriter.write(connection, request.job(), asOf.date());
            PlanWriter.write(connection, request.job().planning());
            if (request.job().pseudonymise()) {
                PeoplePseudonymiser.apply(connection); // the plan names people too (owners, rep filters)
            }
            var dataEnd = RunParametersWriter.latestTransactionDate(connection);
            if (dataEnd.isPresent()) {
                jobContext.putString(DATA_END_DATE, dataEnd.get().toString());
                long days = java.time.temporal.ChronoUnit.DAYS.between(dataEnd.get(), asOf.date());
                if (days > request.job().thresholds().staleAfterDays()) {
                    // Said on page 1, the console, the e-mail and run-summary.json: zeros after this date are unknowns.
                    jobContext.putString(DATA_STALE, "data ends " + dataEnd.get() + ", " + days
                            + " days before the as-of date " + asOf.date());
                }
            }
            CurrencyGuard.check(connection, request.job().currency(), request.job().currencyChosen(),
                    request.jobFile() == null ? null : request.jobFile().getFileName().toString());

            long started = System.nanoTime();
            String client = request.outDir().toAbsolutePath().normalize().toString();
            long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
            String key = MetricsState.key(connection, request, triggerMemory, asOf.date());
            jobContext.putString(METRICS_KEY, key);
            String kept = MetricsState.reusable(connection, key);
            if (kept != null) {
                // Nothing the metric SQL reads changed since these tables were computed: they are this run's.
                triggerMemory.recordAgain(connection, request.job().name(), client, asOf.date(), executionId);
                MetricCsvWriter.writeAll(connection, List.of("rejects"), request.outDir());
                jobContext.putString(METRICS, kept);
                jobContext.putString(METRICS_REUSED, "true");
                int tables = MetricTables.results(jobContext).size();
                log.info("Metrics unchanged: kept the {} metric tables computed from the same inputs ({} s)", tables,
                        seconds(System.nanoTime() - started));
                contribution.incrementWriteCount(tables);
                return RepeatStatus.FINISHED;
            }
            jobContext.remove(METRICS_REUSED);
            MetricsState.forget(connection);
            MetricsRunner runner = new MetricsRunner();
            List<MetricResult> results = new ArrayList<>(runner.run(connection));
            // the project's own metric SQL, beside jobs/ (README, "Your own metrics and templates")
            results.addAll(runner.runProjectFiles(connection, request.projectFolder("metrics")));
            // Which triggers are new, persist or were resolved since this client's previous report (job history).
            long triggersStarted = System.nanoTime();
            triggerMemory.apply(connection, request.job().name(), client, asOf.date(), executionId);
            results.add(new MetricResult("trigger_persistence", "computed", count(connection, "trigger_persistence"), null,
                    java.time.Duration.ofNanos(System.nanoTime() - triggersStarted)));
            // The metric tables' CSVs are written by the next step, beside the reports (RenderReportsTasklet).
            log.info("Computed {} metric tables in {} s", results.size(), seconds(System.nanoTime() - started));
            MetricCsvWriter.writeAll(connection, List.of("rejects"), request.outDir());

            List<Map<String, Object>> summary = new ArrayList<>();
            for (MetricResult result : results) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("table", result.table());
                row.put("status", result.status());
                row.put("rows", result.rowCount());
                row.put("note", result.note());
                summary.add(row);
            }
            String computed = JSON.writeValueAsString(summary);
            MetricsState.remember(connection, key, computed);
            jobContext.putString(METRICS, computed);
            contribution.incrementWriteCount(results.size());
        }
        return RepeatStatus.FINISHED;
    }

    private static long count(Connection connection, String table) throws java.sql.SQLException {
        // table is one the code names (trigger_persistence): an identifier only, so the statement stays here
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Elapsed time as the step logs write it: "1.6". */
    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private AsOf resolveAsOf(Connection connection) throws Exception {
        if (request.asOfDate() != null) {
            return new AsOf(request.asOfDate(), "given with --as-of", null);
        }
        AsOfRule rule = request.job().asOf();
        var fromSchedule = rule.fromRunDate(runDate);
        if (fromSchedule.isPresent()) {
            return new AsOf(fromSchedule.get(), rule.label() + " of the run date " + runDate, null);
        }
        var latest = RunParametersWriter.latestTransactionDate(connection);
        if (latest.isEmpty()) {
            // Nothing dated to analyse: the metrics (all "not computed") and the reports are still produced, so
            // the dump report can say what each file was and what to do; RenderReportsTasklet then fails the run.
            return new AsOf(runDate, "no dated transactions in the data: the run date", nothingUsable(connection));
        }
        return new AsOf(latest.get(), "latest transaction date in the data", null);
    }

    private String nothingUsable(Connection connection) throws java.sql.SQLException {
        List<String> outcomes = new ArrayList<>();
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery(Workspace.readResource("sql/job/file_outcomes.sql"))) {
            while (rs.next()) {
                outcomes.add(rs.getLong(2) + " " + rs.getString(1));
            }
        }
        return "No dated transactions (deals or revenue lines) were loaded from " + describeInputs()
                + (outcomes.isEmpty() ? "" : " (files: " + String.join(", ", outcomes) + ")")
                + ", so nothing can be computed";
    }

    private String describeInputs() {
        return request.job().inputs().stream().map(i -> i.path().toString()).toList().toString();
    }

    private record AsOf(LocalDate date, String basis, String nothingUsable) {
    }
}
