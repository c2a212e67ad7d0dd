package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revlens.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs} lists the job history; {@code restart <id>} resumes a failed run from its failed step. */
class RunHistoryIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void runsListsAFailedRunAndRestartResumesItFromTheFailedStep() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        // Make the metrics step fail: rejects.csv cannot be written where a folder of that name stands.
        Files.createDirectories(out.resolve("rejects.csv").resolve("blocker"));
        CliRun failed = CliRun.of(home, "run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.INTERNAL_FAILURE);

        JsonNode history = history(home);
        assertThat(history).hasSize(1);
        JsonNode run = history.get(0);
        long id = run.path("execution_id").asLong();
        assertThat(run.path("job").asText()).isEqualTo("monthly-board-report");
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("as_of").asText()).isEqualTo("2026-10-31");
        assertThat(run.path("out").asText()).isEqualTo(out.toString());
        // The bundled sample: 1,779 deals + 110 companies + 12 reps + 2,453 invoice lines + 3,534 calls + 785 meetings
        // = 8,673 rows, all loaded.
        assertThat(run.path("rows_read").asLong()).isEqualTo(8673);
        assertThat(run.path("rows_loaded").asLong()).isEqualTo(8673);
        assertThat(run.path("rows_rejected").asLong()).isZero();
        assertThat(run.path("started_at").asText()).isNotBlank();

        CliRun table = CliRun.of(home, "runs");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("monthly-board-report").contains("FAILED").contains("8,673").contains(out.toString());

        Files.delete(out.resolve("rejects.csv").resolve("blocker"));
        Files.delete(out.resolve("rejects.csv"));
        CliRun restarted = CliRun.of(home, "restart", Long.toString(id));
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(restarted.out()).contains("Restarting run " + id).contains("COMPLETED");
        // Only the failed step and the ones after it ran, with the same as-of date and folder.
        assertThat(steps(out)).containsExactly("computeMetrics:COMPLETED", "renderReports:COMPLETED",
                "deliverOutputs:COMPLETED");
        JsonNode summary = JSON.readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("as_of_date").asText()).isEqualTo("2026-10-31");
        assertThat(out.resolve("board-report.pdf")).isRegularFile();

        history = history(home);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(history.get(0).path("execution_id").asLong()).isGreaterThan(id);
        assertThat(history.get(1).path("status").asText()).isEqualTo("FAILED");

        CliRun again = CliRun.of(home, "restart", Long.toString(id));
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to resume").contains("run " + history.get(0).path("execution_id").asLong())
                .contains("--force");
        assertThat(history(home)).hasSize(2);
    }

    @Test
    void restartingAnUnknownRunSaysHowToListTheRuns() {
        CliRun unknown = CliRun.of(temp.resolve("home"), "restart", "4242");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(unknown.err()).contains("No run with id 4242").contains("./revlens runs").doesNotContain("Exception");
    }

    @Test
    void anEmptyHistorySaysSo() {
        CliRun runs = CliRun.of(temp.resolve("home"), "runs");
        assertThat(runs.exitCode()).isZero();
        assertThat(runs.out()).contains("No runs in the job history yet.");
    }

    /**
     * Spring Batch's tables are created when the history is new or lacks one of them, and not again at every start:
     * H2 writes each refused {@code create} with its stack trace to the history's trace file.
     */
    @Test
    void theHistoryTablesAreCreatedOnlyWhenMissing() throws Exception {
        Path home = temp.resolve("home");
        Path trace = home.resolve("history/batch.trace.db");
        for (int i = 0; i < 3; i++) {
            int start = i;
            assertThat(history(home)).isEmpty();
            // (the trace file may hold other entries: this process opens and closes the history many times)
            assertThat(traceText(trace)).as("start " + start).doesNotContain("already exists");
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + home.resolve("history/batch").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", "");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("drop table BATCH_JOB_EXECUTION_CONTEXT");
        }
        // One table gone: the script runs again (refusing the tables that are there) and the history works.
        Path out = temp.resolve("out");
        CliRun run = CliRun.of(home, "run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(history(home)).hasSize(1);
    }

    private static String traceText(Path trace) throws java.io.IOException {
        return Files.exists(trace) ? Files.readString(trace) : "";
    }

    static JsonNode history(Path home) throws Exception {
        CliRun runs = CliRun.of(home, "runs", "--json");
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        return JSON.readTree(runs.out());
    }

    static List<String> steps(Path out) throws Exception {
        List<String> steps = new ArrayList<>();
        JSON.readTree(out.resolve("run-summary.json").toFile()).path("steps")
                .forEach(s -> steps.add(s.path("name").asText() + ":" + s.path("status").asText()));
        return steps;
    }
}
