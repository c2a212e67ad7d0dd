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

    @Test
    void theDefaultLevelPrintsRevLensLinesOnly() throws Exception {
        // a first run in a new home: the job history database and its tables are created too
        Path out = temp.resolve("out");
        try (RevLensProcess run = RevLensProcess.start(temp.resolve("home"), temp.resolve("demo.log"), "demo", "--out", out.toString())) {
            assertThat(run.waitForExit()).as(run.output()).isZero();
            var logLine = java.util.regex.Pattern.compile("^\\d\\d:\\d\\d:\\d\\d +[A-Z]+ +(\\S+) - ");
            java.util.Set<String> loggers = new java.util.TreeSet<>();
            for (String line : run.output().lines().toList()) {
                var m = logLine.matcher(line);
                if (m.find()) {
                    loggers.add(m.group(1));
                }
                assertThat(line).as(run.output()).doesNotStartWith("SLF4J").doesNotStartWith("WARNING").doesNotContain("Exception");
            }
            assertThat(loggers).as(run.output()).contains("StepLogListener");
            // the console names a logger by its class's simple name: each one must be a RevLens class
            try (var classes = Files.walk(Path.of("target/classes/io/revlens"))) {
                java.util.Set<String> ours = classes.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".class")).map(n -> n.substring(0, n.length() - ".class".length()))
                        .collect(java.util.stream.Collectors.toSet());
                assertThat(ours).as(run.output()).containsAll(loggers);
            }
        }
    }
}
