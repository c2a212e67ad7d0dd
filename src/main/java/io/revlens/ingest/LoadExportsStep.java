package io.revlens.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chunk-oriented step that loads every input file into the canonical tables:
 * {@link ExportRowReader} → {@link MappingProcessor} → {@link DuckDbAppenderWriter}; when it ends,
 * every file has its {@code source_files} row with rows read = loaded + rejected + skipped.
 */
public final class LoadExportsStep {

    static final int CHUNK_SIZE = 5_000;

    private LoadExportsStep() {
    }

    public static Step build(String stepName, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             Path databaseFile, List<Path> files, Map<String, String> profileOverrides,
                             IngestProgress progress) {
        SessionHolder holder = new SessionHolder(databaseFile, profileOverrides,
                files.isEmpty() ? null : files.get(0).getParent());
        return new StepBuilder(stepName, jobRepository)
                .<SourceRow, LoadItem>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(new LazyReader(holder, files, progress))
                .processor(new MappingProcessor())
                .writer(chunk -> new DuckDbAppenderWriter(holder.session()).write(chunk))
                .listener(holder)
                .build();
    }

    /** Opens the DuckDB session when the step starts and writes the file counts when it ends. */
    private static final class SessionHolder implements StepExecutionListener {
        private final Path databaseFile;
        private final Map<String, String> profileOverrides;
        private final Path userProfiles;
        private LoadSession session;

        SessionHolder(Path databaseFile, Map<String, String> profileOverrides, Path inputFolder) {
            this.databaseFile = databaseFile;
            this.profileOverrides = profileOverrides;
            this.userProfiles = inputFolder == null ? null : inputFolder.resolve("profiles");
        }

        LoadSession session() {
            return session;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            try {
                session = new LoadSession(databaseFile, ProfileCatalog.withUserFolder(userProfiles), profileOverrides);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot open " + databaseFile + ": " + e.getMessage(), e);
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            if (session == null) {
                return null;
            }
            try {
                session.finish();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record file counts in " + databaseFile + ": " + e.getMessage(), e);
            } finally {
                try {
                    session.close();
                } catch (SQLException ignored) {
                    // the database file is closed by the process exit at the latest
                }
                session = null;
            }
            return null;
        }
    }

    /** Creates the reader over the session that exists only once the step has started. */
    private static final class LazyReader implements org.springframework.batch.infrastructure.item.ItemStreamReader<SourceRow> {
        private final SessionHolder holder;
        private final List<Path> files;
        private final IngestProgress progress;
        private ExportRowReader reader;

        LazyReader(SessionHolder holder, List<Path> files, IngestProgress progress) {
            this.holder = holder;
            this.files = files;
            this.progress = progress;
        }

        @Override
        public SourceRow read() throws Exception {
            if (reader == null) {
                reader = new ExportRowReader(holder.session(), files, progress);
            }
            return reader.read();
        }

        @Override
        public void close() {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }
}
