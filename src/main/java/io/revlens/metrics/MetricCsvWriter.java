package io.revlens.metrics;

import io.revlens.model.Workspace;
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

/**
 * Writes tables as CSV for other tools, with DuckDB's own CSV writer (a million-row table in well
 * under a second): header row, plain numbers with "." (no grouping, no exponent), ISO dates,
 * true/false. Text that a spreadsheet would run as a formula (starting with = + - @ tab or CR) is
 * prefixed with ' (OWASP CSV injection); numbers are never altered. The value rules are SQL
 * macros in {@code sql/output/csv_values.sql}.
 */
public final class MetricCsvWriter {

    private MetricCsvWriter() {
    }

    public static List<Path> writeAll(Connection connection, List<String> tables, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Workspace.runScript(connection, "sql/output/csv_values.sql");
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                if (!table.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a table name: " + table);
                }
                Path target = dir.resolve(table + ".csv");
                Path temp = dir.resolve(table + ".csv.tmp");
                try {
                    statement.execute("copy (select " + String.join(", ", columns(connection, table)) + " from " + table
                            + ") to '" + temp.toAbsolutePath().toString().replace("'", "''")
                            + "' (format csv, header true)");
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
                written.add(target);
            }
        }
        return written;
    }

    /** One select expression per column, in table order, formatting the value as its CSV text. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select column_name, data_type from information_schema.columns"
                + " where table_name = ? and table_schema = current_schema() order by ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String name = "\"" + rs.getString(1).replace("\"", "\"\"") + "\"";
                    columns.add(switch (rs.getString(2)) {
                        case "VARCHAR" -> "csv_text(" + name + ") as " + name;
                        case "DOUBLE", "FLOAT", "REAL" -> "csv_double(cast(" + name + " as double)) as " + name;
                        default -> name;
                    });
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("no table " + table + " to write as CSV");
        }
        return columns;
    }
}
