package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables with one row per input row (revenue_events: the revenue export again; opportunity_progress: every
 * deal) are computed on every run, but their CSVs, as large as the exports, are written only when asked
 * ({@code --row-level-csvs}, {@code row_level_csvs: true}); the summary and console say so. A run that does not ask
 * leaves none behind from one that did, in the output folder or the delivered copy.
 */
class RowLevelCsvsIntegrationTests {

    private static final String[] ROW_LEVEL = {"revenue_events.csv", "opportunity_progress.csv"};

    @TempDir
    Path temp;

    @Test
    void rowLevelCsvsAreWrittenOnlyWhenAskedAndNeverLeftBehind() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        String[] args = {"run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString()};

        CliRun asked = CliRun.of(home, append(args, "--row-level-csvs"));
        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        Map<String, String> withRows = csvs(out.resolve("metrics"));
        assertThat(withRows).containsKeys(ROW_LEVEL);
        assertThat(csvs(out.resolve("2026-10-31").resolve("metrics"))).isEqualTo(withRows);
        // each CSV holds its table: one line per row under the header
        for (String csv : ROW_LEVEL) {
            long lines = withRows.get(csv).lines().count();
            assertThat(lines - 1).as(csv).isEqualTo(rows(out, csv.replace(".csv", ""))).isGreaterThan(100);
        }
        assertThat(asked.out()).doesNotContain("no CSV:");

        CliRun plain = CliRun.of(home, append(args, "--force"));
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        Map<String, String> without = csvs(out.resolve("metrics"));
        assertThat(without).doesNotContainKeys(ROW_LEVEL);
        assertThat(csvs(out.resolve("2026-10-31").resolve("metrics"))).isEqualTo(without);
        // every other CSV is the one the first run wrote
        Map<String, String> others = new TreeMap<>(withRows);
        for (String csv : ROW_LEVEL) {
            others.remove(csv);
        }
        assertThat(without).isEqualTo(others);
        // the tables are still computed; the summary and the console say where their CSVs went
        assertThat(rows(out, "revenue_events")).isGreaterThan(100);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        for (JsonNode metric : summary.path("metrics")) {
            String table = metric.path("table").asText();
            if (table.equals("revenue_events") || table.equals("opportunity_progress")) {
                assertThat(metric.path("csv").isNull()).as(table).isTrue();
                assertThat(metric.path("csv_note").asText()).contains("--row-level-csvs");
            } else if (metric.path("status").asText().equals("computed")) {
                assertThat(Path.of(metric.path("csv").asText())).as(table).exists();
            }
        }
        assertThat(plain.out()).contains("no CSV: revenue_events, opportunity_progress");
    }

    @Test
    void theOneOffAnalysisWritesThemFromItsJobFile() throws Exception {
        Path out = temp.resolve("dump");
        CliRun analysis = CliRun.of(temp.resolve("home"), "analyze", Path.of("sample-data").toString(),
                "--out", out.toString());
        assertThat(analysis.exitCode()).as(analysis.toString()).isZero();
        assertThat(csvs(out.resolve("metrics"))).containsKeys(ROW_LEVEL);
    }

    private static Map<String, String> csvs(Path folder) throws Exception {
        Map<String, String> csvs = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                csvs.put(csv.getFileName().toString(), Files.readString(csv));
            }
        }
        return csvs;
    }

    private static long rows(Path out, String table) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("revlens.duckdb"), readOnly);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
