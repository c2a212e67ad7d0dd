package io.revlens.job;

import io.revlens.model.SqlScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's tables in the job history when they are missing, and only then. Spring Boot's own
 * initializer ({@code initialize-schema: always}) runs the whole schema script at every start and lets each
 * {@code create} fail against the existing tables; H2 writes every one of those failures, with its stack trace,
 * to the history's trace file, which grew by about 30 KB a run.
 */
@Component
public class HistorySchema extends BatchDataSourceScriptDatabaseInitializer {

    /** What Spring Batch's schema script creates (same names on every database it supports). */
    private static final List<String> OBJECTS = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION_SEQ", "BATCH_JOB_EXECUTION_SEQ", "BATCH_JOB_INSTANCE_SEQ");

    private static final String SEQUENCES = SqlScript.loadOne("sql/history/batch_sequences.sql");

    private final DataSource dataSource;

    HistorySchema(DataSource dataSource, BatchJdbcProperties properties) {
        super(dataSource, properties);
        this.dataSource = dataSource;
    }

    @Override
    public boolean initializeDatabase() {
        return !complete() && super.initializeDatabase();
    }

    /** Whether every table and sequence of the schema is there (a schema created half way is created again). */
    private boolean complete() {
        Set<String> present = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            // the connection's own schema only: a shared PostgreSQL history may hold other installations' tables
            String schema = connection.getSchema();
            try (ResultSet rs = connection.getMetaData().getTables(null, schema, null, null)) {
                while (rs.next()) {
                    present.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
                }
            }
            // JDBC's table listing leaves sequences out on H2; the standard information schema has them
            try (PreparedStatement statement = connection.prepareStatement(SEQUENCES)) {
                statement.setString(1, schema);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1).toUpperCase(Locale.ROOT));
                    }
                }
            } catch (SQLException e) {
                // a database without it (MySQL keeps Spring Batch's sequences as tables, listed above)
            }
        } catch (SQLException e) {
            return false; // the script then runs as it would have, and reports what is wrong
        }
        return present.containsAll(OBJECTS);
    }
}
