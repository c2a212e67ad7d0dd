package io.revlens.ingest;

import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles the loaded canonical tables into {@code data_quality_columns} (row count and null rate per column)
 * and {@code data_quality_findings} (duplicate keys, date ranges, orphan references, mixed currencies);
 * SQL in {@code sql/quality/data_quality.sql}.
 */
public final class DataQualityProfiler {

    private static final List<String> LINEAGE = List.of("source_file_id", "source_row");

    private DataQualityProfiler() {
    }

    /** (Re)creates both tables from the current contents of the canonical tables. */
    public static void profile(Connection connection) throws SQLException {
        for (String sql : SqlScript.statements(Workspace.readResource("sql/quality/data_quality.sql"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
        for (CanonicalTable table : CanonicalTable.values()) {
            profileColumns(connection, table.tableName(), table.columns().stream().map(CanonicalTable.Column::name).toList());
        }
    }

    private static void profileColumns(Connection connection, String table, List<String> columns) throws SQLException {
        // Identifiers come from the canonical catalog (not from user input); values are computed in SQL.
        List<String> counts = new ArrayList<>();
        for (String column : columns) {
            counts.add("count(" + column + ")");
        }
        String sql = "select count(*), " + String.join(", ", counts) + " from " + table;
        long rows;
        long[] nonNull = new long[columns.size()];
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            rows = rs.getLong(1);
            for (int i = 0; i < columns.size(); i++) {
                nonNull[i] = rs.getLong(i + 2);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into data_quality_columns values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < columns.size(); i++) {
                if (LINEAGE.contains(columns.get(i))) {
                    continue;
                }
                long nulls = rows - nonNull[i];
                insert.setString(1, table);
                insert.setString(2, columns.get(i));
                insert.setLong(3, rows);
                insert.setLong(4, nulls);
                if (rows == 0) {
                    insert.setNull(5, java.sql.Types.DECIMAL);
                } else {
                    insert.setBigDecimal(5, java.math.BigDecimal.valueOf(nulls)
                            .divide(java.math.BigDecimal.valueOf(rows), 4, java.math.RoundingMode.HALF_UP));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
