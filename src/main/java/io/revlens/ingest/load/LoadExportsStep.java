package io.revlens.ingest.load;

import io.revlens.ingest.recognise.ProfileCatalog;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The chunk-oriented step that loads export files into the canonical DuckDB tables: reader = rows of all
 * files in sequence, processor = profile mapping and coercion, writer = DuckDB Appenders plus
 * source_files/rejects accounting (docs/decisions.md, "Loading exports").
 */
public final class LoadExportsStep {

    /** Rows per chunk (one DuckDB transaction each); well under the Appender's 204,800-row auto-flush. */
    public static final int CHUNK_SIZE = 5_000;

    private LoadExportsStep() {
    }

    /**
     * Builds the step with the built-in profiles plus the user profiles in {@code profiles/} of the first file's
     * folder (the input folder), if it exists.
     *
     * @param profileOverrides file name, path suffix or glob to profile name (may be empty)
     */
    public static Step build(String stepName, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Path databaseFile, List<Path> files, Map<String, String> profileOverrides,
                             IngestProgress progress) {
        return build(stepName, jobRepository, transactionManager, databaseFile, files, profileOverrides,
                ProfileCatalog.forInputs(files), progress);
    }

    /** Builds the step with a given profile catalog (e.g. {@code ProfileCatalog.load(jobDir.resolve("profiles"))}). */
    public static Step build(String stepName, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Path databaseFile, List<Path> files, Map<String, String> profileOverrides,
                             ProfileCatalog catalog, IngestProgress progress) {
        return build(stepName, jobRepository, transactionManager, databaseFile, files, profileOverrides, catalog,
                progress, true);
    }

    /**
     * @param bulkCsv whether plain CSV files are loaded through DuckDB's own reader ({@link BulkCsvLoad});
     *                false loads every row through the chunked row-by-row path (same outcome, slower)
     */
    public static Step build(String stepName, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Path databaseFile, List<Path> files, Map<String, String> profileOverrides,
                             ProfileCatalog catalog, IngestProgress progress, boolean bulkCsv) {
        ExportRowReader reader = new ExportRowReader(files, profileOverrides, catalog, bulkCsv, databaseFile);
        CanonicalRowWriter writer = new CanonicalRowWriter(databaseFile, progress);
        return new StepBuilder(stepName, jobRepository)
                .<LoadItem, LoadItem>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(new MapRowProcessor())
                .writer(writer)
                .stream(reader)
                .stream(writer)
                .listener((org.springframework.batch.core.listener.StepExecutionListener) writer)
                .build();
    }
}
