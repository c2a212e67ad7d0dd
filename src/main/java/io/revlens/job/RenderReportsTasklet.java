package io.revlens.job;

import io.revlens.metrics.MetricCsvWriter;
import io.revlens.model.Workspace;
import io.revlens.report.ReportContext;
import io.revlens.report.ReportRenderer;
import io.revlens.report.XlsxWorkbookWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Renders the job's PDF reports (and its Excel workbook) from the metric tables, and writes the metric tables'
 * CSVs beside them. A failed CSV fails the step (a restart writes them all again).
 */
final class RenderReportsTasklet implements Tasklet {

    static final String OUTPUTS = "outputs";
    /** Present when the documents and metric CSVs an earlier run rendered from the same metrics were kept. */
    static final String REPORTS_REUSED = "reports_reused";
    private static final Logger log = LoggerFactory.getLogger(RenderReportsTasklet.class);

    private final RunRequest request;
    private final ReportRenderer renderer;

    RenderReportsTasklet(RunRequest request, ReportRenderer renderer) {
        this.request = request;
        this.renderer = renderer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        LocalDate asOf = LocalDate.parse(jobContext.getString(ComputeMetricsTasklet.AS_OF_DATE));
        String basis = jobContext.getString(ComputeMetricsTasklet.AS_OF_BASIS);
        JobDefinition job = request.job();
        // Stale data is said in the line every page's header carries: figures after the data's end are unknown.
        String stale = jobContext.containsKey(ComputeMetricsTasklet.DATA_STALE)
                ? "; " + jobContext.getString(ComputeMetricsTasklet.DATA_STALE).replace(" " + asOf, "") : "";
        ReportContext context = new ReportContext(job.company(), job.currency(), asOf,
                "As of " + asOf + " (" + basis + ")" + stale, OffsetDateTime.now(), job.name(),
                request.projectFolder("reports"));
        List<String> outputs = new ArrayList<>();
        List<String> tables = MetricTables.listed(jobContext);
        List<String> written = MetricTables.written(jobContext, job);
        List<String> documents = documents(job);
        String key = key(jobContext, context);
        jobContext.remove(REPORTS_REUSED);
        removeCsvsNotWritten(written);
        try (Connection connection = Workspace.open(request.databaseFile())) {
            if (key != null && jobContext.containsKey(ComputeMetricsTasklet.METRICS_REUSED)
                    && RenderState.reusable(connection, key, request, written, documents)) {
                // The metrics, templates and settings are those the documents and CSVs on disk were written from.
                outputs.addAll(documents);
                jobContext.putString(REPORTS_REUSED, "true");
                log.info("Reports unchanged: kept {} document(s) and {} metric CSVs written from the same metrics",
                        documents.size(), written.size());
            } else {
                RenderState.forget(connection);
                render(connection, tables, written, context, asOf, outputs);
                if (key != null) {
                    RenderState.remember(connection, key, request, written);
                }
            }
        }
        jobContext.putString(OUTPUTS, String.join("\n", outputs));
        contribution.incrementWriteCount(outputs.size());
        if (jobContext.containsKey(ComputeMetricsTasklet.NOTHING_USABLE)) {
            throw new BadInputException(jobContext.getString(ComputeMetricsTasklet.NOTHING_USABLE) + ". "
                    + (outputs.isEmpty() ? "" : "The inventory in " + outputs.get(0) + " says what each file is, why"
                    + " it was not used and what to do (a profile, an override, --exclude, --draft-profile).")
                    + (java.nio.file.Files.exists(request.rejectsCsv()) ? " Rejected rows: " + request.rejectsCsv() + "." : ""));
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Renders the documents (into {@code outputs}) and writes the tables this run writes out ({@code written}) as CSVs
     * beside them and as the workbook's sheets; the workbook's contents also list the other {@code tables} and why
     * they have no sheet.
     */
    private void render(Connection connection, List<String> tables, List<String> written, ReportContext context,
                        LocalDate asOf, List<String> outputs) throws Exception {
        JobDefinition job = request.job();
        // DuckDB writes the CSVs, and POI the workbook, each on a thread of its own while Jasper, mostly one Java
        // thread, renders: on two cores the step takes about its longest part instead of their sum
        // (docs/benchmarks.md). Written in this step so a restarted step writes them again.
        List<CompletableFuture<Void>> beside = new ArrayList<>();
        beside.add(onOwnThread("revlens-csvs", connection, own -> {
            long started = System.nanoTime();
            MetricCsvWriter.writeAll(own, written, request.metricsDir());
            log.info("Wrote {} metric CSVs in {} s", written.size(), ComputeMetricsTasklet.seconds(System.nanoTime() - started));
        }));
        Path xlsx = request.outDir().resolve(job.name() + ".xlsx");
        Exception failure = null;
        try {
            if (job.workbook()) {
                java.util.Map<String, String> leftOut = new java.util.LinkedHashMap<>();
                tables.stream().filter(table -> !written.contains(table))
                        .forEach(table -> leftOut.put(table, MetricTables.ROW_LEVEL_NOTE));
                XlsxWorkbookWriter.Title title = new XlsxWorkbookWriter.Title(job.company(), asOf.toString(),
                        job.currency(), io.revlens.metrics.MetricsRunner.descriptions("sql/job/trigger_persistence.sql"),
                        leftOut);
                beside.add(onOwnThread("revlens-workbook", connection,
                        own -> XlsxWorkbookWriter.write(own, written, xlsx, title)));
            }
            for (JobDefinition.ReportOutput report : job.reports()) {
                Path pdf = request.outDir().resolve(report.output() + ".pdf");
                renderer.render(connection, report.template(), context, pdf);
                outputs.add(pdf.toString());
            }
        } catch (Exception e) {
            failure = e;
        }
        // The CSVs and the workbook use this step's database: wait for them whatever happened to the reports.
        for (CompletableFuture<Void> work : beside) {
            try {
                await(work);
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (job.workbook()) {
            outputs.add(xlsx.toString());
        }
    }

    /** The documents this run writes, in order: each report's PDF, then the workbook. */
    private List<String> documents(JobDefinition job) {
        List<String> documents = new ArrayList<>();
        for (JobDefinition.ReportOutput report : job.reports()) {
            documents.add(request.outDir().resolve(report.output() + ".pdf").toString());
        }
        if (job.workbook()) {
            documents.add(request.outDir().resolve(job.name() + ".xlsx").toString());
        }
        return documents;
    }

    /**
     * The key of what the documents and CSVs are written from: the metrics' key, the report settings and the
     * templates with their subreports; null when it cannot be known (they are then always written).
     */
    private String key(ExecutionContext jobContext, ReportContext context) {
        if (!jobContext.containsKey(ComputeMetricsTasklet.METRICS_KEY)) {
            return null;
        }
        JobDefinition job = request.job();
        try {
            io.revlens.model.Fingerprint key = new io.revlens.model.Fingerprint("render-1")
                    .add(jobContext.getString(ComputeMetricsTasklet.METRICS_KEY))
                    .add(job.name()).add(job.company()).add(job.currency()).add(context.periodLabel())
                    .add(context.asOfDate().toString()).add(String.valueOf(job.reports()))
                    .add(Boolean.toString(job.workbook())).add(Boolean.toString(job.rowLevelTables()))
                    .add(String.valueOf(MetricTables.results(jobContext)))
                    .add(request.outDir().toAbsolutePath().normalize().toString());
            for (JobDefinition.ReportOutput report : job.reports()) {
                ReportRenderer.sources(report.template(), context.projectTemplates())
                        .forEach((name, source) -> key.add(name).add(source));
            }
            key.addFolder(context.projectTemplates(), "");
            return key.hex();
        } catch (IOException | RuntimeException e) {
            log.debug("Reports are written again: {}", e.getMessage());
            return null;
        }
    }

    /**
     * Deletes the CSVs in {@code <out>/metrics/} that this run does not write (a row-level table's from a run that
     * asked for it, a project metric's that is gone): the folder, also as delivered, holds only this run's tables.
     */
    private void removeCsvsNotWritten(List<String> written) throws IOException {
        if (!java.nio.file.Files.isDirectory(request.metricsDir())) {
            return;
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        written.forEach(table -> kept.add(table + ".csv"));
        try (var listing = java.nio.file.Files.list(request.metricsDir())) {
            for (Path file : listing.toList()) {
                String name = file.getFileName().toString();
                if (name.matches("[a-z_][a-z0-9_]*\\.csv") && !kept.contains(name)) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Work on the run's database through a connection of its own. */
    private interface DatabaseWork {
        void run(Connection own) throws SQLException, IOException;
    }

    /** Runs {@code work} on a new thread, with its own connection to the database {@code connection} is open on. */
    private static CompletableFuture<Void> onOwnThread(String name, Connection connection, DatabaseWork work)
            throws SQLException {
        Connection own = connection.unwrap(DuckDBConnection.class).duplicate();
        return CompletableFuture.runAsync(() -> {
            try (own) {
                work.run(own);
            } catch (SQLException | IOException e) {
                throw new CompletionException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for work on another thread and rethrows its error. */
    private static void await(CompletableFuture<Void> work) throws Exception {
        try {
            work.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw new IllegalStateException(cause);
        }
    }
}
