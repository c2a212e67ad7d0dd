package io.revlens.ingest;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Appends rows to one DuckDB table through its Appender, by column name: the table's physical columns are
 * read once, so columns added to the schema later (and unknown to ingest) are filled with their default.
 */
final class TableAppender {

    private final String table;
    private final int[] sourceIndex;
    private final String[] types;
    private final int[] scales;

    /** {@code columns}: the names of the values passed to {@link #append}, in order. */
    TableAppender(Connection connection, String table, List<String> columns) throws SQLException {
        this.table = table;
        List<String> names = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select column_name, data_type from information_schema.columns where table_name = ? "
                        + "order by ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    typeNames.add(rs.getString(2).toUpperCase(Locale.ROOT));
                }
            }
        }
        sourceIndex = new int[names.size()];
        types = typeNames.toArray(String[]::new);
        scales = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            sourceIndex[i] = columns.indexOf(names.get(i));
            scales[i] = scale(types[i]);
        }
    }

    private static int scale(String type) {
        if (type.startsWith("DECIMAL(") && type.contains(",")) {
            return Integer.parseInt(type.substring(type.indexOf(',') + 1, type.indexOf(')')).strip());
        }
        return 0;
    }

    DuckDBAppender open(Connection connection) throws SQLException {
        return connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    void append(DuckDBAppender appender, Object[] values) throws SQLException {
        appender.beginRow();
        for (int i = 0; i < sourceIndex.length; i++) {
            Object value = sourceIndex[i] < 0 ? null : values[sourceIndex[i]];
            if (value == null) {
                appender.appendNull();
                continue;
            }
            String type = types[i];
            if (type.startsWith("DECIMAL")) {
                appender.append(((BigDecimal) value).setScale(scales[i], RoundingMode.HALF_UP));
            } else if (type.equals("DATE")) {
                appender.append((LocalDate) value);
            } else if (type.equals("SMALLINT")) {
                appender.append(((Number) value).shortValue());
            } else if (type.equals("INTEGER")) {
                appender.append(((Number) value).intValue());
            } else if (type.equals("BIGINT")) {
                appender.append(((Number) value).longValue());
            } else if (type.equals("BOOLEAN")) {
                appender.append((boolean) (Boolean) value);
            } else {
                appender.append(value.toString());
            }
        }
        appender.endRow();
    }
}
