package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revlens.cli.ExitCodes;
import io.revlens.job.WorkingFolderLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job history: a failed run resumes from its failed step, a completed one is not redone, a busy folder is refused. */
class RerunIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aFailedRunResumesFromTheFailedStepAndACompletedRunIsNotRedone() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        // Make the metrics step fail: rejects.csv cannot be written where a folder of that name stands.
        Files.createDirectories(out.resolve("rejects.csv").resolve("blocker"));
        String[] args = {"run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString()};

        CliRun failed = CliRun.of(home, args);
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.INTERNAL_FAILURE);
        assertThat(failed.out()).contains("FAILED: ").contains("rejects.csv");
        assertThat(steps(out)).containsExactly("checkColumns:COMPLETED", "loadExports:COMPLETED", "profileData:COMPLETED", "computeMetrics:FAILED");

        Files.delete(out.resolve("rejects.csv").resolve("blocker"));
        Files.delete(out.resolve("rejects.csv"));
        CliRun resumed = CliRun.of(home, args);
        assertThat(resumed.exitCode()).as(resumed.out()).isZero();
        // Only the failed step and the ones after it ran; the loaded rows were not loaded again.
        assertThat(steps(out)).containsExactly("computeMetrics:COMPLETED", "renderReports:COMPLETED",
                "deliverOutputs:COMPLETED");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("totals").path("rows_loaded").asLong()).isEqualTo(summary.path("totals").path("rows_read").asLong());
        assertThat(out.resolve("board-report.pdf")).isRegularFile();

        CliRun again = CliRun.of(home, args);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed").contains("Use --force");

        CliRun forced = CliRun.of(home, append(args, "--force"));
        assertThat(forced.exitCode()).isZero();
        assertThat(steps(out)).containsExactly("checkColumns:COMPLETED", "loadExports:COMPLETED", "profileData:COMPLETED",
                "computeMetrics:COMPLETED", "renderReports:COMPLETED", "deliverOutputs:COMPLETED");
    }

    @Test
    void theSameExportsUnderAnotherCompanyNameOrThresholdAreAnotherRun() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        String[] args = {"run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString()};
        assertThat(CliRun.of(home, args).exitCode()).isZero();

        CliRun renamed = CliRun.of(home, append(args, "--company", "Renamed Holdings"));
        assertThat(renamed.exitCode()).as(renamed.out() + renamed.err()).isZero();
        assertThat(renamed.out()).doesNotContain("already completed");
        assertThat(PdfText.of(out.resolve("board-report.pdf")).text()).contains("Renamed Holdings");

        CliRun threshold = CliRun.of(home, append(args, "--company", "Renamed Holdings", "--set", "concentration_threshold=0.5"));
        assertThat(threshold.exitCode()).as(threshold.out() + threshold.err()).isZero();
        assertThat(threshold.out()).doesNotContain("already completed");
        assertThat(CliRun.of(home, append(args, "--company", "Renamed Holdings", "--set", "concentration_threshold=0.5"))
                .out()).contains("already completed");
    }

    @Test
    void aFailedRunWhoseDatabaseIsGoneStartsAgainInsteadOfResumingOnNothing() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        Files.createDirectories(out.resolve("rejects.csv").resolve("blocker"));
        String[] args = {"run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString()};
        assertThat(CliRun.of(home, args).exitCode()).isEqualTo(ExitCodes.INTERNAL_FAILURE);

        Files.delete(out.resolve("rejects.csv").resolve("blocker"));
        Files.delete(out.resolve("rejects.csv"));
        Files.delete(out.resolve("revlens.duckdb"));
        CliRun again = CliRun.of(home, args);
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).contains("its database is gone from " + out + ": starting from the beginning");
        assertThat(steps(out)).startsWith("checkColumns:COMPLETED", "loadExports:COMPLETED");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("totals").path("rows_loaded").asLong()).isPositive();
    }

    @Test
    void aSecondRunOnABusyWorkingFolderStopsWithAClearMessage() throws Exception {
        Path out = temp.resolve("busy");
        try (WorkingFolderLock held = WorkingFolderLock.acquire(out)) {
            CliRun second = CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString());
            assertThat(second.exitCode()).isEqualTo(ExitCodes.BUSY);
            assertThat(second.err()).contains("Another RevLens run (PID " + ProcessHandle.current().pid() + ") is using the working folder " + out);
        }
    }

    private static List<String> steps(Path out) throws Exception {
        List<String> steps = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("run-summary.json").toFile()).path("steps")
                .forEach(s -> steps.add(s.path("name").asText() + ":" + s.path("status").asText()));
        return steps;
    }

    private static String[] append(String[] args, String... extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }
}
