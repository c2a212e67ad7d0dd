package io.revlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevLensCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RevLensCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "run", "analyze", "inspect", "validate", "generate-sample", "runs", "restart", "schedule", "init", "send-test"})
    void everyCommandHasHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: revlens " + command);
    }

    @Test
    void topLevelHelpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("demo", "run", "analyze", "inspect", "validate", "generate-sample", "runs", "restart", "schedule");
    }

    @Test
    void unknownJobIsABadConfigurationNamingTheJobsThatExist() {
        assertThat(run("run", "no-such-job")).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("No job file")
                .contains("monthly-board-report")
                .doesNotContain("Exception");
    }

    @Test
    void analyzingAMissingFolderIsBadInput(@TempDir Path temp) {
        assertThat(run("analyze", temp.resolve("missing").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a folder");
    }

    @Test
    void validateChecksTheShippedJobs() {
        assertThat(run("validate", "monthly-board-report")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("monthly-board-report is valid");
    }

    @Test
    void quietAndJsonCannotBeCombined() {
        assertThat(run("run", "monthly-board-report", "--quiet", "--json")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mutually exclusive");
    }

    @Test
    void scheduleWithoutScheduledJobsIsABadConfiguration(@TempDir Path temp) throws Exception {
        java.nio.file.Files.writeString(temp.resolve("once.yml"), "inputs: [{path: .}]\nreports: [{template: board-monthly}]\n");
        assertThat(run("schedule", "--jobs", temp.toString())).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No job in " + temp + " has a schedule");
    }

    @Test
    void wrongUsageGivesTheUsageExitCode() {
        assertThat(run("run")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter")
                .contains("(revlens run --help lists them all)").doesNotContain("Usage:");
    }

    @Test
    void mistakesAreOneSentenceWithTheClosestName() {
        assertThat(run("rnu", "monthly-board-report")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("revlens: unknown command 'rnu'; did you mean run? (revlens --help lists them all)");
        err.reset();
        assertThat(run("run", "monthly-board-report", "--as-off", "2026-10-31")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--as-off'; did you mean --as-of?");
        err.reset();
        assertThat(run("run", "monthly-board-report", "--as-of", "2026-13-45")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("revlens: --as-of 2026-13-45: not a date; give it as YYYY-MM-DD, e.g. 2026-10-31");
        err.reset();
        assertThat(run("run", "montly-board-report")).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did you mean monthly-board-report?");
    }

    @org.junit.jupiter.api.Test
    void aJobHistoryLostWithTheProcessThatServedItIsExitFiveNotAnInternalFailure() {
        // The H2 errors a run gets when the RevLens process serving the shared job history ends under it.
        for (int code : new int[] {org.h2.api.ErrorCode.CONNECTION_BROKEN_1, org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN}) {
            Exception failure = new IllegalStateException("Could not open JDBC Connection for transaction",
                    org.h2.message.DbException.get(code, "session closed").getSQLException());
            org.assertj.core.api.Assertions.assertThat(RevLensCommand.exitCodeOf(failure)).isEqualTo(ExitCodes.BUSY);
        }
        // Any other database failure stays an internal one.
        Exception other = new IllegalStateException("x",
                org.h2.message.DbException.get(org.h2.api.ErrorCode.SYNTAX_ERROR_1, "select").getSQLException());
        org.assertj.core.api.Assertions.assertThat(RevLensCommand.exitCodeOf(other)).isEqualTo(ExitCodes.INTERNAL_FAILURE);
    }
}
