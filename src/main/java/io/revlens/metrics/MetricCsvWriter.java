package io.revlens.metrics;

import io.revlens.model.OutputQuery;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import org.duckdb.DuckDBConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes tables as CSV for other tools, with DuckDB's own CSV writer (a million-row table in well
 * under a second): header row, plain numbers with "." (no grouping, no exponent), ISO dates,
 * true/false. Text that a spreadsheet would run as a formula (starting with = + - @ tab or CR) is
 * prefixed with ' (OWASP CSV injection); numbers are never altered. The value rules are SQL
 * macros in {@code sql/output/csv_values.sql}.
 */
public final class MetricCsvWriter {

    private static final String COPY_CSV = SqlScript.loadOne("sql/output/copy_csv.sql");
    private static final String TABLE_SIZES = SqlScript.loadOne("sql/output/table_sizes.sql");

    private MetricCsvWriter() {
    }

    public static List<Path> writeAll(Connection connection, List<String> tables, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        }
        List<Path> written = tables.stream().map(table -> dir.resolve(table + ".csv")).toList();
        List<List<String>> lanes = lanes(connection, tables);
        if (lanes.size() == 1) {
            write(connection, lanes.get(0), dir);
            return written;
        }
        // Two lanes: the biggest table (a million revenue lines) is written on this connection while a second
        // connection to the same database goes through the small ones, each of which is mostly fixed cost.
        java.util.concurrent.CompletableFuture<Void> second = new java.util.concurrent.CompletableFuture<>();
        Connection other = connection.unwrap(DuckDBConnection.class).duplicate();
        Thread thread = new Thread(() -> {
            try (other) {
                write(other, lanes.get(1), dir);
                second.complete(null);
            } catch (SQLException | IOException | RuntimeException e) {
                second.completeExceptionally(e);
            }
        }, "revlens-csv-lane");
        thread.start();
        try {
            write(connection, lanes.get(0), dir);
        } finally {
            try {
                second.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }
        return written;
    }

    private static void write(Connection connection, List<String> tables, Path dir) throws SQLException, IOException {
        Workspace.runScript(connection, "sql/output/csv_values.sql");
        Map<String, List<String[]>> schema = OutputQuery.describeAll(connection);
        for (String table : tables) {
            Path target = dir.resolve(table + ".csv");
            Path temp = dir.resolve(table + ".csv.tmp");
            try (PreparedStatement copy = connection.prepareStatement(
                    SqlScript.fill(COPY_CSV, Map.of("query", query(schema, table))))) {
                copy.setString(1, temp.toAbsolutePath().toString());
                copy.execute();
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * The tables split into two lanes of about equal size (largest first, each to the lighter lane), or one
     * lane when that gains nothing: a single table, a connection inside a transaction (another connection
     * would not see its tables), or a temporary or unknown table (only this connection sees those).
     */
    private static List<List<String>> lanes(Connection connection, List<String> tables) throws SQLException {
        if (tables.size() < 2 || !connection.getAutoCommit()) {
            return List.of(tables);
        }
        java.util.Map<String, Long> sizes = new java.util.HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(TABLE_SIZES)) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getLong(2));
            }
        }
        if (!sizes.keySet().containsAll(tables)) {
            return List.of(tables);
        }
        List<String> bySize = new ArrayList<>(tables);
        bySize.sort(java.util.Comparator.comparing(sizes::get).reversed());
        List<List<String>> lanes = List.of(new ArrayList<>(), new ArrayList<>());
        long[] load = new long[2];
        for (String table : bySize) {
            int lane = load[0] <= load[1] ? 0 : 1;
            lanes.get(lane).add(table);
            load[lane] += sizes.get(table) + 100_000; // each COPY also has a fixed cost
        }
        return lanes;
    }

    /** The table's output query ({@link OutputQuery}) with each value formatted as its CSV text. */
    private static String query(Map<String, List<String[]>> schema, String table) throws SQLException {
        return OutputQuery.of(schema, table, (name, type) -> switch (type) {
            case "VARCHAR" -> "csv_text(" + name + ") as " + name;
            case "DOUBLE", "FLOAT", "REAL" -> "csv_double(cast(" + name + " as double)) as " + name;
            default -> name;
        });
    }
}
