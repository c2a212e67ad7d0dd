package io.revlens.metrics;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tables as CSV for other tools: header row, plain numbers with "." (no grouping, no
 * exponent), ISO dates, true/false. Text that a spreadsheet would run as a formula (starting with
 * = + - @ tab or CR) is prefixed with ' (OWASP CSV injection); numbers are never altered.
 */
public final class MetricCsvWriter {

    private MetricCsvWriter() {
    }

    public static List<Path> writeAll(Connection connection, List<String> tables, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
            Path target = dir.resolve(table + ".csv");
            Path temp = dir.resolve(table + ".csv.tmp");
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select * from " + table);
                 Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(writer)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> header = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    header.add(meta.getColumnLabel(i));
                }
                csv.printRecord(header);
                List<String> row = new ArrayList<>(header.size());
                while (rs.next()) {
                    row.clear();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(format(rs.getObject(i)));
                    }
                    csv.printRecord(row);
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }

    /** The text of one value as written to CSV. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f) {
            return BigDecimal.valueOf(f.doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return neutralise(value.toString());
    }

    /** Prefixes text that a spreadsheet would evaluate as a formula. */
    public static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
