package io.revlens.cli;

import io.revlens.ingest.IngestProgress;
import io.revlens.ingest.LoadExportsStep;
import io.revlens.ingest.ProfileCatalog;
import io.revlens.model.Workspace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SyncTaskExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code revlens bench-ingest <file>} (hidden, used by {@code bench/run.sh}): loads one export through the real
 * load step into a fresh DuckDB file and prints one line of figures; with {@code --read-csv} it then loads the
 * same file with DuckDB's own {@code read_csv} in the same process, for the ratio.
 */
@Command(name = "bench-ingest", hidden = true, description = "Benchmark: ingest one file, print figures.")
class BenchIngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>")
    Path file;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Scratch folder for the databases.")
    Path work;

    @Option(names = "--read-csv", description = "Also time DuckDB's read_csv of the same file.")
    boolean readCsv;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(work);
        Path db = work.resolve("bench-revlens.duckdb");
        Path baselineDb = work.resolve("bench-read-csv.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(baselineDb);
        // DuckDB's native library loads once, before either timing.
        Workspace.open(work.resolve("warm.duckdb")).close();
        Files.deleteIfExists(work.resolve("warm.duckdb"));

        // The first load in a JVM also pays class loading and JIT warm-up (about 0.5-1 s here), which the
        // end-to-end figures include; this figure is the steady ingest rate. Printed as cold_seconds too.
        long coldStart = System.nanoTime();
        load(db);
        double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
        Files.deleteIfExists(db);
        resetPeaks();
        long start = System.nanoTime();
        load(db);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = peakHeap();
        long[] counts = counts(db);
        double megabytes = Files.size(file) / 1e6;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "file=%s rows=%d loaded=%d rejected=%d skipped=%d seconds=%.3f rows_per_s=%.0f mb=%.1f mb_per_s=%.1f"
                        + " peak_heap_mb=%.0f max_heap_mb=%.0f",
                file.getFileName(), counts[0], counts[1], counts[2], counts[3], seconds, counts[0] / seconds, megabytes,
                megabytes / seconds, peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6));
        if (readCsv) {
            long baselineStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + baselineDb);
                 Statement s = c.createStatement()) {
                s.execute("set memory_limit = '" + Workspace.MEMORY_LIMIT + "'");
                s.execute("create table t as select * from read_csv('" + file.toAbsolutePath().toString().replace("'", "''") + "')");
            }
            double baseline = (System.nanoTime() - baselineStart) / 1e9;
            line.append(String.format(Locale.ROOT, " read_csv_seconds=%.3f ratio=%.2f", baseline, seconds / baseline));
        }
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }

    private void load(Path db) throws Exception {
        ResourcelessJobRepository repository = new ResourcelessJobRepository();
        Job job = new JobBuilder("bench", repository)
                .start(LoadExportsStep.build("load", repository, new ResourcelessTransactionManager(), db,
                        List.of(file.toAbsolutePath()), Map.of(), ProfileCatalog.builtIn(), IngestProgress.NONE))
                .build();
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.setJobRegistry(new MapJobRegistry());
        operator.afterPropertiesSet();
        JobExecution execution = operator.start(job, new JobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("load failed: " + execution.getAllFailureExceptions());
        }
    }

    /** rows read, loaded, rejected, skipped (source_files). */
    private static long[] counts(Path db) throws SQLException {
        try (Connection c = Workspace.open(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sum(rows_read), sum(rows_loaded), sum(rows_rejected),"
                     + " sum(rows_skipped) from source_files")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
