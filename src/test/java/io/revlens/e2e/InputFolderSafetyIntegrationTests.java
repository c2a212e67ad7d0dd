package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What in an input folder looks like an export but is not read, and is listed with why: a symbolic link to a
 * file outside the folder (resolved, not followed), a link to nothing, a FIFO, and RevLens's own output folder put
 * inside the input folder. The good files of the folder still load.
 */
class InputFolderSafetyIntegrationTests {

    @TempDir
    Path temp;

    private static final String HEADER = "opportunity_id,stage,amount,close_date,created_date,account,sales_agent\n";

    private static Map<String, JsonNode> files(Path out) throws Exception {
        Map<String, JsonNode> files = new HashMap<>();
        for (JsonNode file : new ObjectMapper().readTree(out.resolve("run-summary.json").toFile()).path("files")) {
            files.put(Path.of(file.path("path").asText()).getFileName().toString(), file);
        }
        return files;
    }

    @Test
    void linksOutOfTheFolderFifosAndOwnOutputsAreListedNotRead() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client"));
        Files.writeString(folder.resolve("deals.csv"), HEADER + "A1,Won,1000,2026-01-10,2025-12-01,Acme,Alice Ames\n",
                StandardCharsets.UTF_8);
        Path outside = Files.createDirectories(temp.resolve("elsewhere")).resolve("secret.csv");
        Files.writeString(outside, HEADER + "S1,Won,99999,2026-01-10,2025-12-01,Secret Co,Sam Secret\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(folder.resolve("linked.csv"), outside);
        Files.createSymbolicLink(folder.resolve("gone.csv"), temp.resolve("nothing-here.csv"));
        Process fifo = new ProcessBuilder("mkfifo", folder.resolve("pipe.csv").toString()).start();
        assertThat(fifo.waitFor()).isZero();
        Path out = folder.resolve("out");

        CliRun first = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        Map<String, JsonNode> files = files(out);
        assertThat(files.get("deals.csv").path("rows_loaded").asLong()).isEqualTo(1);
        assertThat(files.get("linked.csv").path("status").asText()).isEqualTo("refused");
        assertThat(files.get("linked.csv").path("message").asText()).contains("outside the input folder");
        assertThat(files.get("gone.csv").path("message").asText()).contains("does not exist");
        assertThat(files.get("pipe.csv").path("message").asText()).contains("not a regular file");
        assertThat(Files.readString(out.resolve("metrics/rep_scorecard.csv"))).doesNotContain("Sam Secret");

        // The output folder now sits inside the input folder: the next run does not read its own outputs.
        CliRun second = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString());
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        files = files(out);
        assertThat(files.get("out").path("status").asText()).isEqualTo("refused");
        assertThat(files.get("out").path("message").asText()).contains("is a RevLens output folder");
        assertThat(files.keySet()).containsExactlyInAnyOrder("deals.csv", "linked.csv", "gone.csv", "pipe.csv", "out");
        assertThat(files.get("deals.csv").path("rows_loaded").asLong()).isEqualTo(1);
    }
}
