package io.revlens.ingest;

import io.revlens.ingest.load.IngestProgress;
import io.revlens.ingest.load.LoadExportsStep;
import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.model.Workspace;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SyncTaskExecutor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real load step in a one-step job and reads back source_files / rejects for assertions. */
final class LoadRun {

    /** One source_files row. */
    record FileRow(String path, String format, String encoding, String delimiter, String sheet, Integer headerRow,
                   String kind, String profile, long read, long loaded, long rejected, long skipped, String status,
                   String message, String minDate, String maxDate) {

        String name() {
            return Path.of(path).getFileName().toString();
        }
    }

    private LoadRun() {
    }

    static JobExecution run(Path db, List<Path> files, Map<String, String> overrides) throws Exception {
        return run(db, files, overrides, ProfileCatalog.builtIn());
    }

    static JobExecution run(Path db, List<Path> files, Map<String, String> overrides, ProfileCatalog catalog)
            throws Exception {
        return run(db, files, overrides, catalog, true);
    }

    /** @param bulkCsv false loads every CSV row by row (the reference the bulk path is compared with) */
    static JobExecution run(Path db, List<Path> files, Map<String, String> overrides, ProfileCatalog catalog,
                            boolean bulkCsv) throws Exception {
        return run(db, files, overrides, catalog, bulkCsv, IngestProgress.NONE);
    }

    static JobExecution run(Path db, List<Path> files, Map<String, String> overrides, ProfileCatalog catalog,
                            boolean bulkCsv, IngestProgress progress) throws Exception {
        ResourcelessJobRepository repository = new ResourcelessJobRepository();
        Step step = LoadExportsStep.build("load", repository, new ResourcelessTransactionManager(), db, files,
                overrides, catalog, progress, bulkCsv);
        Job job = new JobBuilder("ingest", repository).start(step).build();
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.setJobRegistry(new org.springframework.batch.core.configuration.support.MapJobRegistry());
        operator.afterPropertiesSet();
        JobExecution execution = operator.start(job, new JobParameters());
        assertThat(execution.getStatus()).as("job status, failures: %s", execution.getAllFailureExceptions())
                .isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    /** source_files rows by file name, each checked for the row-accounting invariant. */
    static Map<String, FileRow> files(Path db) throws SQLException {
        Map<String, FileRow> rows = new LinkedHashMap<>();
        try (Connection c = Workspace.open(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select path, format, encoding, delimiter, sheet, header_row, kind, profile,"
                     + " rows_read, rows_loaded, rows_rejected, rows_skipped, status, message,"
                     + " cast(min_date as varchar), cast(max_date as varchar) from source_files order by path")) {
            while (rs.next()) {
                FileRow row = new FileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getString(13), rs.getString(14),
                        rs.getString(15), rs.getString(16));
                assertThat(row.read()).as("invariant read = loaded + rejected + skipped for %s", row.name())
                        .isEqualTo(row.loaded() + row.rejected() + row.skipped());
                // a workbook loaded from several data sheets has an entry per sheet
                String key = rows.containsKey(row.name()) || row.sheet() != null && sheetsOf(c, row.path()) > 1
                        ? row.name() + "#" + row.sheet() : row.name();
                rows.put(key, row);
            }
        }
        return rows;
    }

    private static long sheetsOf(Connection c, String path) throws SQLException {
        try (var statement = c.prepareStatement("select count(*) from source_files where path = ?")) {
            statement.setString(1, path);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rows of a query as lists of strings (nulls as "null"). */
    static List<List<String>> query(Path db, String sql) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (Connection c = Workspace.open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                result.add(row);
            }
        }
        return result;
    }

    static String scalar(Path db, String sql) throws SQLException {
        return query(db, sql).get(0).get(0);
    }
}
