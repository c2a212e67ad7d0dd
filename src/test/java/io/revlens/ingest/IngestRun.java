package io.revlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SyncTaskExecutor;

/** Runs the real load step in a one-step job on a real DuckDB file, then reads back what it recorded. */
final class IngestRun {

    /** A source_files row; construction checks read = loaded + rejected + skipped. */
    record FileRow(String name, String format, String encoding, String delimiter, String sheet, Integer headerRow,
                   String kind, String profile, long read, long loaded, long rejected, long skipped, String status,
                   String message) {
    }

    private IngestRun() {
    }

    static void load(Path db, List<Path> files, Map<String, String> overrides) throws Exception {
        ResourcelessJobRepository repository = new ResourcelessJobRepository();
        Job job = new JobBuilder("ingest", repository)
                .start(LoadExportsStep.build("load", repository, new ResourcelessTransactionManager(), db, files,
                        overrides, IngestProgress.NONE))
                .build();
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.setJobRegistry(new org.springframework.batch.core.configuration.support.MapJobRegistry());
        operator.afterPropertiesSet();
        JobExecution execution = operator.start(job, new JobParameters());
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
    }

    static Map<String, FileRow> files(Path db) throws Exception {
        Map<String, FileRow> rows = new LinkedHashMap<>();
        for (List<Object> r : query(db, "select regexp_extract(path, '[^/]+$'), format, encoding, delimiter, sheet, header_row,"
                + " kind, profile, rows_read, rows_loaded, rows_rejected, rows_skipped, status, message from source_files order by path")) {
            FileRow row = new FileRow((String) r.get(0), (String) r.get(1), (String) r.get(2), (String) r.get(3),
                    (String) r.get(4), (Integer) r.get(5), (String) r.get(6), (String) r.get(7), (Long) r.get(8),
                    (Long) r.get(9), (Long) r.get(10), (Long) r.get(11), (String) r.get(12), (String) r.get(13));
            assertThat(row.read()).as("rows read = loaded + rejected + skipped for %s", row.name())
                    .isEqualTo(row.loaded() + row.rejected() + row.skipped());
            rows.put(row.name(), row);
        }
        return rows;
    }

    static List<List<Object>> query(Path db, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = Workspace.open(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.sql.Date d ? d.toLocalDate() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
