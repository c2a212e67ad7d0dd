package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.revlens.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults around the output folder: not writable, or its DuckDB file held open by another process. */
class OutputFaultsIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void anOutputFolderThatCannotBeWrittenIsNamedAndItsPreviousOutputsAreKept() throws Exception {
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("board-report.pdf"), "last month's report");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root ignores permission bits; an immutable folder (chattr +i) stops root too.
        boolean immutable = Files.isWritable(out) && chattr("+i", out);
        try {
            assumeTrue(!Files.isWritable(out), "cannot make a folder read-only here (running as root without chattr)");
            CliRun run = CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--as-of", "2026-10-31",
                    "--out", out.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("Cannot write to the output folder " + out + " (")
                    .contains("choose another --out").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(Files.readString(out.resolve("board-report.pdf"))).isEqualTo("last month's report");
            try (var files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("board-report.pdf");
            }
        } finally {
            if (immutable) {
                chattr("-i", out);
            }
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDuckDbFileHeldByAnotherProcessIsNamedWithThatProcess() throws Exception {
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Path database = out.resolve("revlens.duckdb");
        try (RevLensProcess holder = RevLensProcess.startMain(HoldDuckDbFile.class.getName(), temp.resolve("home"),
                temp.resolve("holder.log"), Map.of(), database.toString())) {
            assertThat(holder.awaitOutput(o -> o.contains("holding"))).as(holder.output()).isTrue();
            CliRun run = CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--as-of", "2026-10-31",
                    "--out", out.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.BUSY);
            assertThat(run.err()).contains("The DuckDB file " + database + " is open in another process (PID "
                    + holder.pid() + ")").doesNotContain("Exception").doesNotContain("\tat ");
        }
        // Once the other process is gone the same command runs.
        CliRun run = CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--as-of", "2026-10-31",
                "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).startsWith("monthly-board-report COMPLETED (run ")
                .contains("8,673 rows read, 8,673 loaded, 0 rejected; 1 document(s) in " + out);
        assertThat(run.out().strip().lines().count()).isEqualTo(1);
    }

    private static boolean chattr(String flag, Path path) {
        try {
            Process process = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
