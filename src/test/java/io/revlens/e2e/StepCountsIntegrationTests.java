package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load step's Spring Batch counts are rows, equal to the file accounting in run-summary.json: read = rows
 * read, written = loaded, filtered = skipped (blank, total rows), skipped = rejected. A bulk-loaded CSV travels as
 * one item, which Spring Batch alone would count as one read.
 */
class StepCountsIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void theLoadStepCountsRowsReadLoadedSkippedAndRejected() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client"));
        // 6 data rows: 3 good deals, 1 with a close date that is not a date (rejected), 1 blank line, 1 total row.
        Files.writeString(folder.resolve("deals.csv"), """
                opportunity_id,stage,amount,close_date,created_date,account,sales_agent
                A1,Won,1000,2026-01-10,2025-12-01,Acme,Alice Ames
                A2,Lost,500,2026-01-20,2025-12-05,Apex,Alice Ames
                A3,Won,700,not a date,2025-12-02,Acme,Arno Abel
                ,,,,,,
                A4,Prospecting,300,2026-03-20,2026-01-05,Bolt,Arno Abel
                Total,,2500,,,,
                """, StandardCharsets.UTF_8);
        Path out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        JsonNode file = summary.path("files").get(0);
        assertThat(file.path("rows_read").asLong()).isEqualTo(6);
        assertThat(file.path("rows_loaded").asLong()).isEqualTo(3);
        assertThat(file.path("rows_rejected").asLong()).isEqualTo(1);
        assertThat(file.path("rows_skipped").asLong()).isEqualTo(2);
        JsonNode load = null;
        for (JsonNode step : summary.path("steps")) {
            if (step.path("name").asText().equals("loadExports")) {
                load = step;
            }
        }
        assertThat(load).isNotNull();
        assertThat(load.path("read_count").asLong()).isEqualTo(6);
        assertThat(load.path("write_count").asLong()).isEqualTo(3);
        assertThat(load.path("filter_count").asLong()).isEqualTo(2);
        assertThat(load.path("skip_count").asLong()).isEqualTo(1);
    }
}
