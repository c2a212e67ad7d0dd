package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code revlens analyze} on the public Maven Analytics CRM dataset, with nothing hand-mapped. */
class AnalyzeMavenCrmIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void everyRowOfEveryFileIsAccountedFor() throws Exception {
        Path dataset = SharedDatasets.require("maven-crm-sales-opportunities");
        Path out = temp.resolve("out");

        CliRun run = CliRun.of(temp.resolve("home"), "analyze", dataset.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        // The dump ends in 2017: it is analysed as of its own latest transaction, not today.
        assertThat(summary.path("as_of_date").asText()).isEqualTo(latestDate(dataset.resolve("sales_pipeline.csv")));

        Map<String, JsonNode> files = new HashMap<>();
        summary.path("files").forEach(f -> files.put(Path.of(f.path("path").asText()).getFileName().toString(), f));
        assertThat(files.keySet()).containsExactlyInAnyOrder("sales_pipeline.csv", "accounts.csv", "sales_teams.csv", "products.csv");
        for (JsonNode file : files.values()) {
            assertThat(file.path("rows_read").asLong())
                    .as("rows read = loaded + rejected + skipped for " + file.path("path").asText())
                    .isEqualTo(file.path("rows_loaded").asLong() + file.path("rows_rejected").asLong()
                            + file.path("rows_skipped").asLong());
        }
        // Rows read are the data records of each file, counted here independently of RevLens.
        for (String name : files.keySet()) {
            assertThat(files.get(name).path("rows_read").asLong()).as(name).isEqualTo(countRecords(dataset.resolve(name)));
        }
        assertThat(files.get("sales_pipeline.csv").path("kind").asText()).isEqualTo("opportunities");
        assertThat(files.get("sales_pipeline.csv").path("rows_loaded").asLong()).isEqualTo(8800);
        assertThat(files.get("accounts.csv").path("kind").asText()).isEqualTo("accounts");
        assertThat(files.get("sales_teams.csv").path("kind").asText()).isEqualTo("reps");

        assertThat(out.resolve("client-dump-analysis.pdf")).isRegularFile();
        assertThat(out.resolve("rejects.csv")).isRegularFile();
        assertThat(out.resolve("metrics")).isDirectoryContaining("glob:**/win_rate_summary.csv");
    }

    private static long countRecords(Path csv) throws Exception {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.stream().count();
        }
    }

    /** The latest engage or close date of the pipeline file, read with plain commons-csv. */
    private static String latestDate(Path pipeline) throws Exception {
        try (Reader reader = Files.newBufferedReader(pipeline, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.stream()
                    .flatMap(r -> java.util.stream.Stream.of(r.get("engage_date"), r.get("close_date")))
                    .filter(d -> !d.isBlank())
                    .max(String::compareTo)
                    .orElseThrow();
        }
    }
}
