package io.revlens.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens the run's DuckDB file and makes sure the canonical schema exists. */
public final class Workspace {

    /**
     * Memory cap for DuckDB (beyond it, DuckDB spills to a temporary folder beside the database file); its own
     * default, 80% of RAM, is unfriendly on shared machines. This cap keeps the largest benchmark run within its
     * memory goal without costing time (docs/benchmarks.md); {@code -Drevlens.duckdb.memory=4GB} in
     * {@code REVLENS_JAVA_OPTS} raises it.
     */
    public static final String MEMORY_LIMIT = System.getProperty("revlens.duckdb.memory", "1GB");

    private Workspace() {
    }

    /** Opens (creating if needed) the DuckDB file and applies {@code sql/schema/canonical.sql}. */
    public static Connection open(Path databaseFile) throws SQLException {
        try {
            Path parent = databaseFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for " + databaseFile, e);
        }
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile.toAbsolutePath());
        try {
            setMemoryLimit(connection);
            applySchema(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            // A connection left open keeps the database file open in this process (a later read-only open fails).
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Caps DuckDB's memory on {@code connection} at {@link #MEMORY_LIMIT}. */
    public static void setMemoryLimit(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SqlScript.loadOne("sql/model/memory_limit.sql"))) {
            statement.setString(1, MEMORY_LIMIT);
            statement.execute();
        }
    }

    /** The schema scripts, hashed: the version {@link #applySchema} records in the database. */
    private static final List<String> SCHEMA_SCRIPTS = List.of("sql/schema/canonical.sql",
            "sql/schema/rename_stage_history_before_lineage.sql", "sql/schema/migrate_stage_history.sql",
            "sql/schema/migrate_stage_changes.sql");
    private static volatile String schemaVersion;

    /**
     * Runs the canonical DDL; every statement is idempotent ({@code if not exists}). A database that records this
     * version of the scripts already has it: each step opens the database, and the DDL cost more than the open.
     */
    public static void applySchema(Connection connection) throws SQLException {
        String version = schemaVersion();
        if (version.equals(appliedVersion(connection))) {
            return;
        }
        // Databases written before stage history was stored by lineage hold it as a table of that name.
        boolean migrate = hasBaseTable(connection, "opportunity_stage_history");
        // Databases written before stage_changes existed, or before its changes were joined by the deal's name, hold
        // an older stage_history_by_row view.
        boolean stageChanges = viewLacks(connection, "stage_history_by_row", "opportunity_name");
        // One transaction: one commit for the whole schema instead of one per statement.
        inTransaction(connection, () -> {
            if (migrate) {
                runScript(connection, "sql/schema/rename_stage_history_before_lineage.sql");
            }
            runScript(connection, "sql/schema/canonical.sql");
            if (migrate) {
                runScript(connection, "sql/schema/migrate_stage_history.sql");
            }
            if (stageChanges) {
                runScript(connection, "sql/schema/migrate_stage_changes.sql");
            }
            List<String> record = SqlScript.statements(readResource("sql/schema/record_schema_applied.sql"));
            replaceRow(connection, record.get(0), record.get(1), version);
        });
    }

    /**
     * Replaces the row of a table that holds at most one (a state the run keeps: its schema version, the key its
     * metrics or documents were made with): {@code delete} empties it, {@code insert} writes {@code values} as its
     * parameters. Call it inside a transaction, so the table is never seen empty.
     */
    public static void replaceRow(Connection connection, String delete, String insert, String... values)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(delete);
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The schema version the database records, or null (none recorded, or written before versions were). */
    private static String appliedVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SqlScript.loadOne("sql/model/schema_applied.sql"))) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String schemaVersion() {
        String version = schemaVersion;
        if (version == null) {
            try {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                for (String script : SCHEMA_SCRIPTS) {
                    digest.update(readResource(script).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                version = java.util.HexFormat.of().formatHex(digest.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            schemaVersion = version;
        }
        return version;
    }

    /** Whether a view exists and its definition does not mention {@code text} (so it needs replacing). */
    private static boolean viewLacks(Connection connection, String view, String text) throws SQLException {
        try (var statement = connection.prepareStatement(SqlScript.loadOne("sql/model/view_definition.sql"))) {
            statement.setString(1, view);
            try (var rs = statement.executeQuery()) {
                return rs.next() && !rs.getString(1).contains(text);
            }
        }
    }

    private static boolean hasBaseTable(Connection connection, String name) throws SQLException {
        try (var statement = connection.prepareStatement(SqlScript.loadOne("sql/model/base_table_count.sql"))) {
            statement.setString(1, name);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Runs every statement of a SQL file on the classpath (e.g. {@code sql/quality/data_quality.sql}). */
    public static void runScript(Connection connection, String resource) throws SQLException {
        for (String sql : SqlScript.statements(readResource(resource))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /** Database work that either all commits or all rolls back. */
    @FunctionalInterface
    public interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Reads a UTF-8 text resource from the classpath. */
    public static String readResource(String name) {
        // The bundled SQL cannot change while the process runs; each run reads most of it several times.
        return RESOURCES.computeIfAbsent(name, Workspace::readResourceOnce);
    }

    private static final java.util.Map<String, String> RESOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String readResourceOnce(String name) {
        try (InputStream in = Workspace.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
