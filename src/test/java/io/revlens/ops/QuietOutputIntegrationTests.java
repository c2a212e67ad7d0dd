package io.revlens.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a separate process prints (the console logger included, which the in-process CLI tests do not
 * capture): {@code --quiet} one line, {@code --json} one JSON document.
 */
class QuietOutputIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void quietPrintsOnlyTheFinalLine() throws Exception {
        Path out = temp.resolve("out");
        try (RevLensProcess run = RevLensProcess.start(temp.resolve("home"), temp.resolve("quiet.log"),
                "run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString(), "--quiet")) {
            assertThat(run.waitForExit()).as(run.output()).isZero();
            assertThat(run.output().strip().lines().toList()).as(run.output()).singleElement().asString()
                    .startsWith("monthly-board-report COMPLETED (run ");
        }
    }

    @Test
    void jsonPrintsOnlyTheDocument() throws Exception {
        Path out = temp.resolve("out");
        try (RevLensProcess run = RevLensProcess.start(temp.resolve("home"), temp.resolve("json.log"),
                "run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString(), "--json")) {
            assertThat(run.waitForExit()).as(run.output()).isZero();
            var summary = new ObjectMapper().readTree(run.output());
            assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(Files.exists(out.resolve("board-report.pdf"))).isTrue();
        }
    }
}
