package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/metric-tables.md is the contract between metrics and reports: every metric table a run writes is listed
 * there with exactly its columns, in order (the report templates and users' own SQL rely on the names).
 */
class MetricTablesContractIntegrationTests {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_0-9]+)` \\|[^|]*\\|(.*)\\|\\s*$");
    private static final Pattern NAME = Pattern.compile("`([a-z_0-9]+)`");

    @TempDir
    Path temp;

    @Test
    void theDocumentListsEveryMetricTableWithItsColumns() throws Exception {
        Map<String, List<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("docs", "metric-tables.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                List<String> columns = new ArrayList<>();
                Matcher name = NAME.matcher(row.group(2));
                while (name.find()) {
                    columns.add(name.group(1));
                }
                documented.put(row.group(1), columns);
            }
        }

        Path out = temp.resolve("demo");
        CliRun run = CliRun.of(temp.resolve("home"), "demo", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Map<String, List<String>> actual = new TreeMap<>();
        List<String> written;
        try (var csvs = Files.list(out.resolve("metrics"))) {
            written = new ArrayList<>(csvs.map(p -> p.getFileName().toString().replace(".csv", "")).toList());
        }
        // the row-level tables are computed on every run; their CSVs only when asked
        assertThat(written).doesNotContainAnyElementsOf(io.revlens.job.JobDefinition.ROW_LEVEL_TABLES);
        written.addAll(io.revlens.job.JobDefinition.ROW_LEVEL_TABLES);
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("revlens.duckdb"), readOnly);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select table_name, column_name from duckdb_columns()"
                     + " where schema_name = 'main' order by table_name, column_index")) {
            while (rs.next()) {
                if (written.contains(rs.getString(1))) {
                    actual.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        // revenue_events is the one view a run writes; its columns are documented in docs/data-model.md terms.
        actual.remove("revenue_events");
        List<String> drift = new ArrayList<>();
        actual.forEach((table, columns) -> {
            if (!columns.equals(documented.get(table))) {
                drift.add(table + ": the table has " + columns + ", the document says " + documented.get(table));
            }
        });
        assertThat(drift).as("docs/metric-tables.md against the tables a run writes").isEmpty();
    }
}
