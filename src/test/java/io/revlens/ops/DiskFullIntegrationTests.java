package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.revlens.cli.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk filling up during a run, on a real size-limited file system (a 32 MB tmpfs the test
 * mounts): the run fails with a message naming the file and the cause, the previous run's outputs
 * and database are left as they were, and once space is freed a restart completes.
 */
class DiskFullIntegrationTests {

    private static final String AS_OF = "2026-10-31";

    @TempDir
    Path temp;

    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(temp.resolve("disk"));
        mounted = command("mount", "-t", "tmpfs", "-o", "size=32m", "revlens-test", disk.toString()) == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN); the full-disk test is skipped");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            command("umount", "-l", disk.toString());
        }
    }

    @Test
    void aFullDiskFailsTheRunClearlyKeepsThePreviousOutputsAndDatabaseAndRestartCompletes() throws Exception {
        Path home = temp.resolve("home");
        Path out = disk.resolve("out");
        Path input = Files.createDirectories(temp.resolve("exports"));
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        CliRun first = CliRun.of(home, "run", "monthly-board-report", "--as-of", AS_OF, "--input", input.toString(),
                "--out", out.toString(), "--quiet");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Map<String, String> previousFiles = fileDigests(out);
        assertThat(previousFiles).containsKeys("board-report.pdf", "run-summary.json", "metrics/win_rate_summary.csv");
        Map<String, String> previousMetrics = KilledRunIntegrationTests.metricCsvs(out);
        Map<String, long[]> previousRows = readOnlyCounts(out);

        // The same deals with Windows line breaks: the same figures, but another file to load, so that the rerun
        // writes to the database (an unchanged rerun keeps every load and writes little before its delivery).
        Path deals = input.resolve("hubspot-deals.csv");
        Files.writeString(deals, Files.readString(deals).replace("\n", "\r\n"));
        Path filler = fillLeaving(disk, 128 * 1024);
        CliRun full = CliRun.of(home, "run", "monthly-board-report", "--as-of", AS_OF, "--input", input.toString(),
                "--out", out.toString(), "--force");
        assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCodes.INTERNAL_FAILURE);
        assertThat(full.out()).contains("FAILED: ").contains("No space left on device").contains(out.toString())
                .doesNotContain("COMPLETED (run");
        Matcher restart = Pattern.compile("run \\./revlens restart (\\d+)").matcher(full.out());
        assertThat(restart.find()).as(full.out()).isTrue();

        // Nothing the previous run wrote was touched, no half-written file was left, and the database
        // still holds exactly the previous run's rows. The run summary is the previous one, or, when the disk
        // filled up late enough to leave it room (an unchanged rerun writes little before its delivery), the
        // failed run's own, whole and saying why.
        Map<String, String> files = fileDigests(out);
        if (!files.get("run-summary.json").equals(previousFiles.get("run-summary.json"))) {
            var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
            assertThat(summary.path("status").asText()).isEqualTo("FAILED");
            assertThat(summary.path("error").asText()).contains("No space left on device");
            files.put("run-summary.json", previousFiles.get("run-summary.json"));
        }
        assertThat(files).isEqualTo(previousFiles);
        assertCountsEqual(readOnlyCounts(out), previousRows);

        Files.delete(filler);
        CliRun resumed = CliRun.of(home, "restart", restart.group(1));
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertCountsEqual(readOnlyCounts(out), previousRows);
        assertThat(KilledRunIntegrationTests.metricCsvs(out)).isEqualTo(previousMetrics);
    }

    /** Fills the file system until only {@code leave} bytes are free; returns the filler file. */
    private static Path fillLeaving(Path folder, long leave) throws IOException {
        Path filler = folder.resolve("filler");
        long toWrite = Files.getFileStore(folder).getUsableSpace() - leave;
        byte[] block = new byte[64 * 1024];
        try (OutputStream stream = Files.newOutputStream(filler)) {
            for (long written = 0; written + block.length <= toWrite; written += block.length) {
                stream.write(block);
            }
        }
        assertThat(Files.getFileStore(folder).getUsableSpace()).isLessThanOrEqualTo(leave + block.length);
        return filler;
    }

    /** SHA-256 of every file under the output folder (relative path → digest); temporary files show up too. */
    private static Map<String, String> fileDigests(Path out) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString();
                if (name.startsWith("revlens.duckdb") || name.equals(".revlens.lock")) {
                    continue; // the database is checked by its rows; the lock holds the last PID
                }
                var sha = java.security.MessageDigest.getInstance("SHA-256");
                digests.put(name, java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }

    /** Row counts read without writing (a read-write open would try to checkpoint on the full disk). */
    private static Map<String, long[]> readOnlyCounts(Path out) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("revlens.duckdb"), readOnly)) {
            return KilledRunIntegrationTests.counts(connection);
        }
    }

    private static void assertCountsEqual(Map<String, long[]> actual, Map<String, long[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((table, counts) -> assertThat(actual.get(table)).as("rows in %s", table).containsExactly(counts));
    }

    private static int command(String... args) throws Exception {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
