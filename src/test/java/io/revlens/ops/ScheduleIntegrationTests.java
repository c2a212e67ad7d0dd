package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.revlens.cli.ExitCodes;
import io.revlens.job.WorkingFolderLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revlens schedule} in a child process: fires a job on a test cron (every two seconds),
 * records the run in the job history, never overlaps two runs of one job, and stops cleanly on SIGTERM.
 */
class ScheduleIntegrationTests {

    /** The test's job files live in a temporary folder; let them read the project's sample-data/. */
    private static final Map<String, String> INPUT_ROOTS = Map.of("revlens.input.roots", Path.of("sample-data").toAbsolutePath().toString());

    @TempDir
    Path temp;

    @Test
    void firesAJobOnItsCronRecordsTheRunAndExitsZeroOnSigterm() throws Exception {
        Path jobs = writeJob("every-two-seconds", "*/2 * * * * *");
        Path home = temp.resolve("home");
        Path outRoot = temp.resolve("out");
        String log;
        try (RevLensProcess scheduler = RevLensProcess.start(home, temp.resolve("schedule.log"), INPUT_ROOTS,
                "schedule", "--jobs", jobs.toString(), "--out", outRoot.toString())) {
            assertThat(scheduler.awaitOutput(o -> o.contains("Finished every-two-seconds: COMPLETED (run ")))
                    .as(scheduler.output()).isTrue();
            // The next fires find the identical run completed and do nothing.
            assertThat(scheduler.awaitOutput(o -> o.contains("an identical run already completed"))).as(scheduler.output()).isTrue();
            assertThat(scheduler.terminate()).as(scheduler.output()).isZero();
            log = scheduler.output();
        }
        assertThat(log).contains("Scheduled every-two-seconds: cron '*/2 * * * * *' (UTC)")
                .contains("Starting every-two-seconds")
                .contains("Scheduler stopped.");
        // A run takes several seconds: the fires during it were skipped, not started alongside it.
        assertThat(log).contains("Skipped every-two-seconds").contains("its previous run is still going");

        CliRun runs = CliRun.of(home, "runs", "--json", "--job", "every-two-seconds");
        JsonNode history = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs.out());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("status").asText()).isEqualTo("COMPLETED");
        // as_of: previous-month-end of the day it fired (UTC, the job's zone).
        assertThat(history.get(0).path("as_of").asText())
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).minusMonths(1).atEndOfMonth().toString());
        Path out = outRoot.resolve("every-two-seconds");
        assertThat(history.get(0).path("out").asText()).isEqualTo(out.toString());
        assertThat(out.resolve("board-report.pdf")).isRegularFile();
        try (WorkingFolderLock lock = WorkingFolderLock.acquire(out)) {
            assertThat(lock).isNotNull();
        }
    }

    @Test
    void sigtermDuringARunStopsItRestartablyAndExitsZero() throws Exception {
        Path jobs = writeJob("stopped-midway", "*/2 * * * * *");
        Path home = temp.resolve("home");
        Path outRoot = temp.resolve("out");
        try (RevLensProcess scheduler = RevLensProcess.start(home, temp.resolve("schedule.log"), INPUT_ROOTS,
                "schedule", "--jobs", jobs.toString(), "--out", outRoot.toString())) {
            assertThat(scheduler.awaitOutput(o -> o.contains("step loadExports started"))).as(scheduler.output()).isTrue();
            assertThat(scheduler.terminate()).as(scheduler.output()).isZero();
            assertThat(scheduler.output()).contains("Stopping the running stopped-midway").contains("Scheduler stopped.");
        }
        Path out = outRoot.resolve("stopped-midway");
        // The lock is released and the run is recorded as stopped, so it can be resumed.
        assertThat(WorkingFolderLock.isHeld(out)).isFalse();
        JsonNode history = RunHistoryIntegrationTests.history(home);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("status").asText()).isEqualTo("STOPPED");

        CliRun restarted = CliRun.of(home, INPUT_ROOTS, "restart", history.get(0).path("execution_id").asText());
        assertThat(restarted.exitCode()).as(restarted.toString()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(out.resolve("board-report.pdf")).isRegularFile();
        assertThat(RunHistoryIntegrationTests.history(home).get(0).path("status").asText()).isEqualTo("COMPLETED");
    }

    /** A copy of the monthly board report job on the bundled sample, with a test cron in UTC. */
    private Path writeJob(String name, String cron) throws Exception {
        Path jobs = temp.resolve("jobs");
        Files.createDirectories(jobs);
        Files.writeString(jobs.resolve(name + ".yml"), """
                description: Scheduler test
                company: Calibra Instruments, Inc.
                inputs:
                  - path: %s
                as_of: previous-month-end
                reports:
                  - template: board-monthly
                    output: board-report
                schedule:
                  cron: "%s"
                  zone: UTC
                """.formatted(Path.of("sample-data").toAbsolutePath(), cron));
        return jobs;
    }
}
