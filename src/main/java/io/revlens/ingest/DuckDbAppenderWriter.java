package io.revlens.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of mapped rows and rejects into DuckDB through its Appender (bulk, not row-by-row
 * JDBC), in one transaction per chunk: either the whole chunk lands or none of it. File counts are
 * updated only after the commit.
 */
final class DuckDbAppenderWriter implements ItemWriter<LoadItem> {

    private final LoadSession session;

    DuckDbAppenderWriter(LoadSession session) {
        this.session = session;
    }

    @Override
    public void write(Chunk<? extends LoadItem> chunk) throws Exception {
        Connection connection = session.connection();
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        Map<String, DuckDBAppender> appenders = new HashMap<>();
        Map<FileLoad, long[]> counts = new HashMap<>();
        connection.setAutoCommit(false);
        try {
            // A statement first: the Appender ignores a rollback that precedes any statement (FACTS.md).
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
            for (LoadItem item : chunk) {
                long[] fileCounts = counts.computeIfAbsent(item.file(), f -> new long[2]);
                if (item.outcome() instanceof RowMapper.Mapped mapped) {
                    appendRow(appender(duck, appenders, mapped.table().tableName()), mapped, item);
                    for (RowMapper.StageEntry entry : mapped.stageHistory()) {
                        DuckDBAppender history = appender(duck, appenders, "opportunity_stage_history");
                        history.beginRow();
                        history.append((String) mapped.values()[0]);
                        history.append(entry.stage());
                        history.append(entry.enteredDate());
                        history.append(item.file().sourceFileId);
                        history.append(item.rowNumber());
                        history.endRow();
                    }
                    fileCounts[0]++;
                } else if (item.outcome() instanceof RowMapper.Rejected rejected) {
                    DuckDBAppender rejects = appender(duck, appenders, "rejects");
                    rejects.beginRow();
                    rejects.append(item.file().sourceFileId);
                    rejects.append(item.file().path.toString());
                    rejects.append(item.rowNumber());
                    appendText(rejects, rejected.column());
                    appendText(rejects, rejected.rawValue());
                    rejects.append(rejected.reason());
                    rejects.endRow();
                    fileCounts[1]++;
                }
            }
            for (DuckDBAppender appender : appenders.values()) {
                appender.close();
            }
            appenders.clear();
            connection.commit();
        } catch (Exception e) {
            for (DuckDBAppender appender : appenders.values()) {
                try {
                    appender.close();
                } catch (SQLException ignored) {
                    // the rollback below discards whatever it held
                }
            }
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        counts.forEach((file, c) -> {
            file.rowsLoaded += c[0];
            file.rowsRejected += c[1];
        });
    }

    private static DuckDBAppender appender(DuckDBConnection duck, Map<String, DuckDBAppender> appenders, String table) {
        return appenders.computeIfAbsent(table, t -> {
            try {
                return duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot append to " + t + ": " + e.getMessage(), e);
            }
        });
    }

    private static void appendRow(DuckDBAppender appender, RowMapper.Mapped mapped, LoadItem item) throws SQLException {
        List<CanonicalTable.Column> columns = mapped.table().columns();
        appender.beginRow();
        for (int i = 0; i < columns.size(); i++) {
            Object value = mapped.values()[i];
            if (value == null) {
                appender.appendNull();
                continue;
            }
            switch (columns.get(i).type()) {
                case TEXT -> appender.append((String) value);
                case MONEY, QUANTITY -> appender.append((BigDecimal) value);
                case INTEGER -> appender.append((int) (Integer) value);
                case DATE -> appender.append((LocalDate) value);
                case BOOLEAN -> appender.append((boolean) (Boolean) value);
            }
        }
        appender.append(item.file().sourceFileId);
        appender.append(item.rowNumber());
        appender.endRow();
    }

    private static void appendText(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
