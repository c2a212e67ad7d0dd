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
 * deal) are computed on every run, but their CSVs and workbook sheets, as large as the exports, are written only when
 * asked ({@code --row-level-tables}, {@code row_level_tables: true}); the summary, the console and the workbook's
 * contents say so. A run that does not ask leaves no CSV behind from one that did, in the output folder or the
 * delivered copy.
 */
class RowLevelTablesIntegrationTests {

    private static final String[] ROW_LEVEL = {"revenue_events.csv", "opportunity_progress.csv"};

    @TempDir
    Path temp;

    @Test
    void rowLevelTablesAreWrittenOnlyWhenAskedAndNeverLeftBehind() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        String[] args = {"run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString()};

        CliRun asked = CliRun.of(home, append(args, "--row-level-tables"));
        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        Map<String, String> withRows = csvs(out.resolve("metrics"));
        assertThat(withRows).containsKeys(ROW_LEVEL);
        assertThat(csvs(out.resolve("2026-10-31").resolve("metrics"))).isEqualTo(withRows);
        // each CSV holds its table: one line per row under the header
        for (String csv : ROW_LEVEL) {
            long lines = withRows.get(csv).lines().count();
            assertThat(lines - 1).as(csv).isEqualTo(rows(out, csv.replace(".csv", ""))).isGreaterThan(100);
        }
        assertThat(asked.out()).doesNotContain("not written out:");

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
                assertThat(metric.path("csv_note").asText()).contains("--row-level-tables");
            } else if (metric.path("status").asText().equals("computed")) {
                assertThat(Path.of(metric.path("csv").asText())).as(table).exists();
            }
        }
        assertThat(plain.out()).contains("not written out: revenue_events, opportunity_progress");
    }

    @Test
    void theOneOffAnalysisWritesThemFromItsJobFile() throws Exception {
        Path out = temp.resolve("dump");
        CliRun analysis = CliRun.of(temp.resolve("home"), "analyze", Path.of("sample-data").toString(),
                "--out", out.toString());
        assertThat(analysis.exitCode()).as(analysis.toString()).isZero();
        assertThat(csvs(out.resolve("metrics"))).containsKeys(ROW_LEVEL);
        assertThat(sheets(out.resolve("client-dump-analysis.xlsx"))).contains("Revenue events", "Opportunity progress");
    }

    @Test
    void thePlanningPacketsWorkbookListsThemWithoutASheet() throws Exception {
        Path out = temp.resolve("packet");
        CliRun packet = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--as-of", "2026-09-30",
                "--out", out.toString());
        assertThat(packet.exitCode()).as(packet.toString()).isZero();
        Path xlsx = out.resolve("quarterly-planning-packet.xlsx");
        assertThat(sheets(xlsx)).contains("Contents", "Customer concentration")
                .doesNotContain("Revenue events", "Opportunity progress");
        try (var in = Files.newInputStream(xlsx); var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var contents = workbook.getSheet("Contents");
            Map<String, String> listed = new TreeMap<>();
            for (int r = 3; r <= contents.getLastRowNum(); r++) {
                var row = contents.getRow(r);
                listed.put(row.getCell(1).getStringCellValue(), row.getCell(0).getStringCellValue() + " | "
                        + (long) row.getCell(2).getNumericCellValue() + " | " + row.getCell(3).getStringCellValue());
            }
            for (String table : new String[] {"revenue_events", "opportunity_progress"}) {
                // listed with its rows, no sheet, and how to get one
                assertThat(listed.get(table)).as(table).startsWith("– | " + rows(out, table) + " | ")
                        .contains("--row-level-tables");
            }
            assertThat(listed.get("customer_concentration")).startsWith("Customer concentration | ");
        }
    }

    private static java.util.List<String> sheets(Path xlsx) throws Exception {
        try (var in = Files.newInputStream(xlsx); var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            java.util.List<String> names = new java.util.ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            return names;
        }
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
