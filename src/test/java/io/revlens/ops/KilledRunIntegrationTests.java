package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.revlens.model.Workspace;
import io.revlens.sample.SampleCompanyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with {@code kill -9} (a child JVM, {@code Process.destroyForcibly()}) during ingest,
 * metrics or rendering, then restarted or rerun, ends with exactly what a clean run produces:
 * the same row counts, no row loaded twice, and every CSV byte for byte the same.
 */
class KilledRunIntegrationTests {

    static final List<String> TABLES = List.of("accounts", "reps", "opportunities",
            "opportunity_stage_history", "stage_entries", "revenue_lines", "rejects");

    @TempDir
    static Path shared;

    static Path input;
    static Path cleanOut;
    static Path cleanHome;

    @TempDir
    Path temp;

    @BeforeAll
    static void generateALargeInputAndRunItCleanly() throws Exception {
        // Scale 20: 34,113 deals and 45,912 invoice lines, so ingest takes several chunks of 5,000 rows.
        SampleCompanyGenerator.GeneratedSample sample = SampleCompanyGenerator.generate(shared.resolve("input"), 11, 20);
        input = sample.folder();
        cleanHome = shared.resolve("clean-home");
        cleanOut = shared.resolve("clean");
        CliRun clean = CliRun.of(cleanHome, args(cleanOut));
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        // The load step counts rows, as the files' accounting does (not items: a bulk CSV is one item).
        JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cleanOut.resolve("run-summary.json").toFile());
        long read = 0;
        for (JsonNode file : summary.path("files")) {
            read += file.path("rows_read").asLong();
        }
        assertThat(loadStep(cleanOut).path("read_count").asLong()).isEqualTo(read)
                .isEqualTo(sample.rows());
    }

    /** The loadExports step of the run summary; its counts satisfy read = written + filtered + skipped. */
    static JsonNode loadStep(Path out) throws Exception {
        JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        for (JsonNode step : summary.path("steps")) {
            if (step.path("name").asText().equals("loadExports")) {
                assertThat(step.path("read_count").asLong()).isEqualTo(step.path("write_count").asLong()
                        + step.path("filter_count").asLong() + step.path("skip_count").asLong());
                return step;
            }
        }
        throw new AssertionError("no loadExports step in " + summary);
    }

    @Test
    void killedDuringIngestThenRestartedEndsWithExactlyTheRowsOfACleanRun() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        String log;
        try (RevLensProcess run = RevLensProcess.start(home, temp.resolve("run.log"), args(out))) {
            // A progress line is printed after each committed chunk: rows are loading.
            assertThat(run.awaitOutput(o -> o.contains(" rows ..."))).as("no progress line:\n%s", run.output()).isTrue();
            run.killHard();
            log = run.output();
        }
        assertThat(log).contains("step loadExports started").doesNotContain("step loadExports COMPLETED");

        // Right after the kill the DuckDB file opens and holds no row twice (each chunk is one transaction).
        Map<String, long[]> afterKill = counts(out);
        afterKill.forEach((table, c) -> assertThat(c[1]).as("distinct rows of %s", table).isEqualTo(c[0]));

        JsonNode killed = RunHistoryIntegrationTests.history(home).get(0);
        assertThat(killed.path("status").asText()).isEqualTo("STARTED");
        assertThat(killed.path("message").asText()).contains("killed").contains("restart " + killed.path("execution_id").asLong());

        CliRun restarted = CliRun.of(home, "restart", killed.path("execution_id").asText());
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(RunHistoryIntegrationTests.steps(out)).first().isEqualTo("loadExports:COMPLETED");
        // The restarted step counts the rows it read itself: the files it loaded again, not those done before the kill.
        assertThat(loadStep(out).path("read_count").asLong()).isPositive()
                .isLessThanOrEqualTo(loadStep(cleanOut).path("read_count").asLong());

        assertSameAsCleanRun(out);
        JsonNode history = RunHistoryIntegrationTests.history(home);
        assertThat(history.get(0).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(history.get(1).path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void killedDuringMetricsThenRestartedWritesTheSameMetricsAsACleanRun() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        try (RevLensProcess run = RevLensProcess.start(home, temp.resolve("run.log"), args(out))) {
            assertThat(run.awaitOutput(o -> o.contains("step computeMetrics started"))).as(run.output()).isTrue();
            run.killHard();
            assertThat(run.output()).doesNotContain("step computeMetrics COMPLETED");
        }
        long id = RunHistoryIntegrationTests.history(home).get(0).path("execution_id").asLong();
        CliRun restarted = CliRun.of(home, "restart", Long.toString(id));
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        // Ingest had completed: the restart resumed at the metrics.
        assertThat(RunHistoryIntegrationTests.steps(out)).containsExactly("computeMetrics:COMPLETED", "renderReports:COMPLETED",
                "deliverOutputs:COMPLETED");
        assertSameAsCleanRun(out);
    }

    @Test
    void killedDuringRenderingThenRerunWritesTheSameMetricsAndTheReport() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        try (RevLensProcess run = RevLensProcess.start(home, temp.resolve("run.log"), args(out))) {
            assertThat(run.awaitOutput(o -> o.contains("step renderReports started"))).as(run.output()).isTrue();
            run.killHard();
            assertThat(run.output()).doesNotContain("step renderReports COMPLETED");
        }
        // Running the same command again resumes the killed run.
        CliRun rerun = CliRun.of(home, args(out));
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(RunHistoryIntegrationTests.steps(out)).containsExactly("renderReports:COMPLETED", "deliverOutputs:COMPLETED");
        assertSameAsCleanRun(out);
        assertThat(Files.size(out.resolve("board-report.pdf"))).isPositive();
    }

    private static void assertSameAsCleanRun(Path out) throws Exception {
        Map<String, long[]> clean = counts(cleanOut);
        Map<String, long[]> restarted = counts(out);
        for (String table : TABLES) {
            assertThat(restarted.get(table)[0]).as("rows in %s", table).isEqualTo(clean.get(table)[0]);
            assertThat(restarted.get(table)[1]).as("distinct lineage in %s", table)
                    .isEqualTo(restarted.get(table)[0]);
        }
        assertThat(clean.get("opportunities")[0]).isEqualTo(34_113);
        Map<String, String> expected = metricCsvs(cleanOut);
        assertThat(expected).containsKeys("metrics/revenue_events.csv", "metrics/opportunity_progress.csv");
        Map<String, String> actual = metricCsvs(out);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, csv) -> assertThat(actual.get(name)).as("%s byte for byte", name).isEqualTo(csv));
    }

    /** Per table: rows, and distinct lineage (file, row) pairs; equal when no row was loaded twice. */
    static Map<String, long[]> counts(Path out) throws Exception {
        try (Connection connection = Workspace.open(out.resolve("revlens.duckdb"))) {
            return counts(connection);
        }
    }

    static Map<String, long[]> counts(Connection connection) throws Exception {
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                // A row's lineage is its file and row; a deal's row gives one stage-history row per stage.
                String lineage = switch (table) {
                    case "rejects" -> "(source_file_id, row_number, column_name)";
                    case "opportunity_stage_history" -> "(source_file_id, source_row, stage)";
                    case "stage_entries" -> "(source_file_id, source_row, stage_index)";
                    default -> "(source_file_id, source_row)";
                };
                try (ResultSet rs = statement.executeQuery(
                        "select count(*), count(distinct " + lineage + ") from " + table)) {
                    rs.next();
                    counts.put(table, new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        return counts;
    }

    /**
     * Every CSV the run wrote (the metric tables and rejects.csv) by its path in the output folder, as bytes:
     * compared as they are, the way {@code diff -r} would.
     */
    static Map<String, String> metricCsvs(Path out) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path csv : all.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(out.relativize(csv).toString(), new String(Files.readAllBytes(csv), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(files).containsKey("rejects.csv");
        return files;
    }

    private static String[] args(Path out) {
        // --row-level-tables: the row-level CSVs are the ones whose row order a restart could get wrong
        return new String[] {"run", "monthly-board-report", "--row-level-tables", "--input", input.toString(), "--as-of", "2026-10-31",
                "--out", out.toString()};
    }
}
