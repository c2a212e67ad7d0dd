package io.revlens.ingest.load;

import io.revlens.model.SqlScript;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Appends rows to one DuckDB table through its Appender, by column name: the table's physical columns are
 * read once, so columns added to the schema later (and unknown to ingest) are filled with their default.
 */
final class TableAppender {

    private static final String PHYSICAL_COLUMNS = SqlScript.loadOne("sql/ingest/physical_columns.sql");

    private final String table;
    private final int[] sourceIndex;
    private final String[] types;
    private final int[] scales;

    /**
     * The physical columns (name, type) of every table of the database's main schema, in column order: read once
     * for all the appenders (one catalog query instead of one per table).
     */
    static Map<String, List<String[]>> physicalColumns(Connection connection) throws SQLException {
        Map<String, List<String[]>> tables = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(PHYSICAL_COLUMNS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                        .add(new String[]{rs.getString(2), rs.getString(3).toUpperCase(Locale.ROOT)});
            }
        }
        return tables;
    }

    /**
     * @param columns  the names of the values passed to {@link #append}, in order
     * @param physical {@link #physicalColumns}
     */
    TableAppender(String table, List<String> columns, Map<String, List<String[]>> physical) {
        this.table = table;
        List<String> names = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        for (String[] column : physical.getOrDefault(table, List.of())) {
            names.add(column[0]);
            typeNames.add(column[1]);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No table " + table + " in the database");
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
