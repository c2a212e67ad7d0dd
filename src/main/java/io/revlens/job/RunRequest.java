package io.revlens.job;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One run of a job: the job file (inputs already resolved), where outputs go, the as-of date
 * when given by hand, whether a completed identical run should be redone, the job file it came
 * from (so a restart can rebuild it; may be null) and the run date its as-of rule applies to
 * (null: today), and whether a database built from other input folders is kept ({@code --keep-history}).
 */
public record RunRequest(JobDefinition job, Path outDir, LocalDate asOfDate, boolean force, Path jobFile,
                         LocalDate runDate, boolean keepHistory) {

    public RunRequest(JobDefinition job, Path outDir, LocalDate asOfDate, boolean force, Path jobFile, LocalDate runDate) {
        this(job, outDir, asOfDate, force, jobFile, runDate, false);
    }

    public RunRequest(JobDefinition job, Path outDir, LocalDate asOfDate, boolean force) {
        this(job, outDir, asOfDate, force, null, null);
    }

    /** The run's DuckDB file, inside its working folder. */
    public Path databaseFile() {
        return outDir.resolve("revlens.duckdb");
    }

    public Path metricsDir() {
        return outDir.resolve("metrics");
    }

    public Path rejectsCsv() {
        return outDir.resolve("rejects.csv");
    }

    public Path summaryJson() {
        return outDir.resolve("run-summary.json");
    }

    /**
     * A folder of the project the job file belongs to ({@code metrics}, {@code reports}): beside the job file's
     * {@code jobs/} folder. Null when the run has no job file.
     */
    public Path projectFolder(String name) {
        if (jobFile == null || jobFile.toAbsolutePath().getParent() == null
                || jobFile.toAbsolutePath().getParent().getParent() == null) {
            return null;
        }
        return jobFile.toAbsolutePath().getParent().getParent().resolve(name);
    }
}
