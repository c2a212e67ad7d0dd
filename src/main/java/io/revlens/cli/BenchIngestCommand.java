package io.revlens.cli;

import io.revlens.ingest.load.IngestProgress;
import io.revlens.ingest.load.LoadExportsStep;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Timed loads of each side after the cold one (the medians are compared).")
    int rounds;

    private static String joined(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v))
                .collect(java.util.stream.Collectors.joining(","));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

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

        // The first load in a JVM also pays class loading and JIT warm-up (the end-to-end figures include
        // it): printed as cold_seconds. Then RevLens and read_csv take turns, `rounds` times
        // each, and the medians are compared: this VM's speed drifts by up to 2x within minutes, and taking
        // turns exposes both sides to the same drift.
        long coldStart = System.nanoTime();
        load(db);
        double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
        long[] counts = counts(db);
        double[] ours = new double[rounds];
        double[] theirs = new double[readCsv ? rounds : 0];
        long peakHeap = 0;
        for (int round = 0; round < rounds; round++) {
            Files.deleteIfExists(db);
            resetPeaks();
            long start = System.nanoTime();
            load(db);
            ours[round] = (System.nanoTime() - start) / 1e9;
            peakHeap = Math.max(peakHeap, peakHeap());
            if (readCsv) {
                Files.deleteIfExists(baselineDb);
                long baselineStart = System.nanoTime();
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + baselineDb)) {
                    Workspace.setMemoryLimit(c);
                    try (PreparedStatement s = c.prepareStatement(SqlScript.loadOne("sql/bench/read_csv_baseline.sql"))) {
                        s.setString(1, file.toAbsolutePath().toString());
                        s.execute();
                    }
                }
                theirs[round] = (System.nanoTime() - baselineStart) / 1e9;
            }
        }
        double seconds = median(ours);
        double megabytes = Files.size(file) / 1e6;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "file=%s rows=%d loaded=%d rejected=%d skipped=%d seconds=%.3f cold_seconds=%.3f rows_per_s=%.0f"
                        + " mb=%.1f mb_per_s=%.1f peak_heap_mb=%.0f max_heap_mb=%.0f",
                file.getFileName(), counts[0], counts[1], counts[2], counts[3], seconds, coldSeconds,
                counts[0] / seconds, megabytes, megabytes / seconds, peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1e6));
        if (readCsv) {
            double baseline = median(theirs);
            line.append(String.format(Locale.ROOT, " read_csv_seconds=%.3f ratio=%.2f cold_ratio=%.2f rounds=%d",
                    baseline, seconds / baseline, coldSeconds / baseline, rounds));
        }
        // Each round's figures, so a run the VM disturbed shows which side it hit.
        line.append(" each_s=").append(joined(ours));
        if (readCsv) {
            line.append(" each_read_csv_s=").append(joined(theirs));
        }
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
        return ExitCodes.SUCCESS;
    }

    private void load(Path db) throws Exception {
        // Every load reads the file's hash, as a run does once: not the one an earlier round of this process left.
        io.revlens.ingest.read.ContentHashes.forget();
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
             ResultSet rs = s.executeQuery(SqlScript.loadOne("sql/bench/load_counts.sql"))) {
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
