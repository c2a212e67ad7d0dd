package io.revlens.e2e;

import io.revlens.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One job over many client folders: partitions run side by side, a failing client does not stop the others. */
class MultiClientRunIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void everyClientGetsItsOwnOutputsAndAFailureStaysWithItsClient() throws Exception {
        Path clients = temp.resolve("clients");
        for (String client : List.of("acme", "beta", "gamma")) {
            copySample(clients.resolve(client));
        }
        Files.createDirectories(clients.resolve("delta")); // no exports at all
        Path out = temp.resolve("out");
        // gamma's metrics step fails: its rejects.csv cannot be written where a folder of that name stands.
        Files.createDirectories(out.resolve("gamma").resolve("rejects.csv").resolve("blocker"));

        CliRun run = CliRun.of(temp.resolve("home"), "run-clients", "monthly-board-report", "--clients",
                clients.toString(), "--out", out.toString(), "--as-of", "2026-10-31", "--threads", "2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SOME_CLIENTS_FAILED);
        for (String client : List.of("acme", "beta")) {
            assertThat(out.resolve(client).resolve("board-report.pdf")).isRegularFile();
            assertThat(PdfText.of(out.resolve(client).resolve("board-report.pdf")).text())
                    .contains("Northwind Aerospace holds 23.0%");
            assertThat(line(run.out(), client)).contains("completed").contains("8,673");
        }
        assertThat(line(run.out(), "gamma")).contains("FAILED").contains("rejects.csv");
        assertThat(out.resolve("gamma").resolve("board-report.pdf")).doesNotExist();
        assertThat(line(run.out(), "delta")).contains("FAILED").contains("delta");
        // 2 x 8,673 rows: the two completed clients, each read once (gamma loaded too before failing)
        assertThat(run.out()).contains("4 client(s): 2 completed, 2 failed");

        // A second run redoes only what failed: the completed clients are unchanged.
        Files.delete(out.resolve("gamma").resolve("rejects.csv").resolve("blocker"));
        Files.delete(out.resolve("gamma").resolve("rejects.csv"));
        copySample(clients.resolve("delta"));
        CliRun again = CliRun.of(temp.resolve("home"), "run-clients", "monthly-board-report", "--clients",
                clients.toString(), "--out", out.toString(), "--as-of", "2026-10-31");
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(line(again.out(), "acme")).contains("unchanged");
        assertThat(line(again.out(), "gamma")).contains("completed");
        assertThat(line(again.out(), "delta")).contains("completed");
        assertThat(out.resolve("delta").resolve("board-report.pdf")).isRegularFile();
    }

    private static String line(String output, String client) {
        return output.lines().filter(l -> l.strip().startsWith(client + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary line for " + client + " in:\n" + output));
    }

    private static void copySample(Path target) throws Exception {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
