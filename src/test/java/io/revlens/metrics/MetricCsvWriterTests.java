package io.revlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.model.Workspace;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV files RevLens writes, through the real writer and a real DuckDB file, read back with commons-csv. */
class MetricCsvWriterTests {

    @TempDir
    Path temp;

    @Test
    void numbersArePlainWithADotAndNoExponent() throws Exception {
        List<CSVRecord> rows = write("amount decimal(18,2), rate double, n bigint",
                "(1234567.50, 1.0E-7, 42)", "(-5.00, 2.5E9, -7)", "(0.10, -0.25, 0)", "(1.00, 1.25E-5, 1)",
                "(2.00, 2.5E20, 2)", "(3.00, 'NaN', 3)", "(4.00, null, null)", "(5.00, 0.16810839776467887, 5)",
                "(6.00, 57.0, 6)", "(7.00, -1.5E-12, 7)");
        assertThat(rows.get(0).toList()).containsExactly("amount", "rate", "n");
        assertThat(rows.get(1).toList()).containsExactly("1234567.50", "0.0000001", "42");
        assertThat(rows.get(2).toList()).containsExactly("-5.00", "2500000000", "-7");
        assertThat(rows.get(3).toList()).containsExactly("0.10", "-0.25", "0");
        assertThat(rows.get(4).toList()).containsExactly("1.00", "0.0000125", "1");
        assertThat(rows.get(5).toList()).containsExactly("2.00", "250000000000000000000", "2");
        assertThat(rows.get(6).toList()).containsExactly("3.00", "", "3");
        assertThat(rows.get(7).toList()).containsExactly("4.00", "", "");
        assertThat(rows.get(8).toList()).containsExactly("5.00", "0.16810839776467887", "5");
        assertThat(rows.get(9).toList()).containsExactly("6.00", "57", "6");
        assertThat(rows.get(10).toList()).containsExactly("7.00", "-0.0000000000015", "7");
    }

    @Test
    void everyDoubleIsWrittenWithoutAnExponentAndReadsBackExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        Path db = temp.resolve("doubles.duckdb");
        double[] values = new double[5_000];
        try (Connection connection = Workspace.open(db); Statement statement = connection.createStatement()) {
            statement.execute("create table doubles (i integer, x double)");
            try (PreparedStatement insert = connection.prepareStatement("insert into doubles values (?, ?)")) {
                for (int i = 0; i < values.length; i++) {
                    // Magnitudes from 1e-12 to 1e18, both signs: rates, amounts, ratios.
                    values[i] = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-12, 19));
                    insert.setInt(1, i);
                    insert.setDouble(2, values[i]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            MetricCsvWriter.writeAll(connection, List.of("doubles"), temp);
        }
        List<CSVRecord> rows = read(temp.resolve("doubles.csv"));
        assertThat(rows).hasSize(values.length + 1);
        for (int i = 0; i < values.length; i++) {
            String text = rows.get(i + 1).get(1);
            assertThat(text).as("value %s", values[i]).matches("-?[0-9]+(\\.[0-9]+)?");
            assertThat(new BigDecimal(text).doubleValue()).as("value %s written as %s", values[i], text).isEqualTo(values[i]);
        }
    }

    @Test
    void datesAreIsoAndBooleansAreWords() throws Exception {
        List<CSVRecord> rows = write("d date, b boolean", "(date '2026-10-31', true)", "(null, false)");
        assertThat(rows.get(1).toList()).containsExactly("2026-10-31", "true");
        assertThat(rows.get(2).toList()).containsExactly("", "false");
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedButNumbersAreNot() throws Exception {
        List<CSVRecord> rows = write("t varchar, amount decimal(18,2)", "('=HYPERLINK(\"x\")', -5.00)", "('+1', 1.00)",
                "('-2', 2.00)", "('@SUM(A1)', 3.00)", "(chr(9) || 'cmd', 4.00)", "('Acme, Inc.', 5.00)", "('Zoë 北京', 6.00)");
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).toList())
                .containsExactly("'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tcmd", "Acme, Inc.", "Zoë 北京");
        assertThat(rows.get(1).get(1)).isEqualTo("-5.00");
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Files.writeString(temp.resolve("missing_table.csv"), "previous\n");
        try (Connection connection = Workspace.open(temp.resolve("empty.duckdb"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> MetricCsvWriter.writeAll(connection, List.of("missing_table"), temp))
                    .hasMessageContaining("missing_table");
        }
        assertThat(Files.readString(temp.resolve("missing_table.csv"))).isEqualTo("previous\n");
        assertThat(temp.resolve("missing_table.csv.tmp")).doesNotExist();
    }

    @Test
    void lineageIsTheFilesRelativePathAndRowLevelTablesComeOutInLineageOrder() throws Exception {
        try (Connection connection = Workspace.open(temp.resolve("lineage.duckdb")); Statement statement = connection.createStatement()) {
            // Internal ids as a reload leaves them: the second file was loaded first, then the first reloaded as 9.
            statement.execute("insert into source_files (source_file_id, path, sha256, size_bytes, format, kind, relative_path)"
                    + " values (9, '/clients/acme/2026/deals.csv', 'a', 1, 'csv', 'opportunities', '2026/deals.csv'),"
                    + " (4, '/clients/acme/accounts.csv', 'b', 1, 'csv', 'accounts', 'accounts.csv')");
            statement.execute("insert into rejects (source_file_id, file, row_number, column_name, raw_value, reason) values"
                    + " (9, '/clients/acme/2026/deals.csv', 12, 'Amount', 'x', 'not a number'),"
                    + " (4, '/clients/acme/accounts.csv', 7, 'Name', null, 'required'),"
                    + " (9, '/clients/acme/2026/deals.csv', 3, 'Close Date', '31/02/2026', 'not a date')");
            MetricCsvWriter.writeAll(connection, List.of("rejects"), temp);
        }
        List<CSVRecord> rows = read(temp.resolve("rejects.csv"));
        assertThat(rows.get(0).toList()).containsExactly("source_file", "row_number", "column_name", "raw_value", "reason");
        // Sorted by relative path, then row: not by the internal id (4 before 9) nor by insertion.
        assertThat(rows.stream().skip(1).map(r -> r.get(0) + ":" + r.get(1)).toList())
                .containsExactly("2026/deals.csv:3", "2026/deals.csv:12", "accounts.csv:7");
    }

    private List<CSVRecord> write(String columns, String... rows) throws Exception {
        try (Connection connection = Workspace.open(temp.resolve("values.duckdb")); Statement statement = connection.createStatement()) {
            statement.execute("create or replace table t_values (" + columns + ")");
            statement.execute("insert into t_values values " + String.join(", ", rows));
            MetricCsvWriter.writeAll(connection, List.of("t_values"), temp);
        }
        return read(temp.resolve("t_values.csv"));
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(Files.readString(csv, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }
}
