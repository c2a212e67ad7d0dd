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
 * Leaving files out without deleting them from the client's folder: {@code --exclude GLOB} on analyze, run and
 * inspect, {@code exclude:} in the job file. Excluded files are not read and the inventory lists them.
 */
class ExcludeIntegrationTests {

    @TempDir
    Path temp;

    private static Map<String, JsonNode> files(Path out) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        Map<String, JsonNode> files = new HashMap<>();
        summary.path("files").forEach(f -> files.put(Path.of(f.path("path").asText()).getFileName().toString(), f));
        return files;
    }

    @Test
    void excludedFilesAreListedAndNotRead() throws Exception {
        Path dataset = SharedDatasets.require("salesforce-object-export");
        Path out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", dataset.toString(), "--out", out.toString(),
                "--exclude", "campaign*.csv", "--exclude", "Contact.csv");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Map<String, JsonNode> files = files(out);
        for (String name : new String[]{"Campaign.csv", "CampaignMember.csv", "Contact.csv"}) {
            assertThat(files.get(name).path("status").asText()).as(name).isEqualTo("excluded");
            assertThat(files.get(name).path("kind").asText()).as(name).isEqualTo("excluded");
            assertThat(files.get(name).path("rows_read").asLong()).as(name).isZero();
        }
        assertThat(files.get("Campaign.csv").path("message").asText()).contains("excluded (campaign*.csv)");
        assertThat(files.get("Opportunity.csv").path("rows_loaded").asLong()).isEqualTo(50);
        assertThat(run.out()).contains("Contact.csv").contains("excluded (Contact.csv)");
        assertThat(PdfText.of(out.resolve("client-dump-analysis.pdf")).text().replaceAll("\\s+", " "))
                .contains("Campaign.csv is excluded (campaign*.csv)");

        CliRun inspect = CliRun.of(temp.resolve("home"), "inspect", dataset.toString(), "--exclude", "campaign*.csv");
        assertThat(inspect.out()).contains("Campaign.csv\n  status:    excluded (campaign*.csv): not read\n")
                .contains("CampaignMember.csv\n  status:    excluded (campaign*.csv): not read\n");
    }

    @Test
    void aJobFileExcludesAndAFileExcludedLaterLeavesTheDatabase() throws Exception {
        Path input = Files.createDirectories(temp.resolve("client"));
        Files.writeString(input.resolve("deals.csv"), "opportunity_id,stage,amount,close_date,created_date,account\n"
                + "1,Won,1000,2026-01-10,2025-12-01,Acme\n2,Lost,500,2026-01-20,2025-12-05,Beta\n", StandardCharsets.UTF_8);
        Files.createDirectories(input.resolve("archive"));
        Files.writeString(input.resolve("archive").resolve("old-deals.csv"), "opportunity_id,stage,amount,close_date,created_date,account\n"
                + "9,Won,99999,2026-01-15,2025-12-01,Ghost\n", StandardCharsets.UTF_8);
        Path jobs = Files.createDirectories(temp.resolve("jobs"));
        String job = "description: test\ncurrency: USD\ninputs:\n  - path: " + input + "\nas_of: latest-data\n"
                + "reports:\n  - template: client-dump\n    output: dump\n";
        Files.writeString(jobs.resolve("all.yml"), job, StandardCharsets.UTF_8);
        Files.writeString(jobs.resolve("current.yml"), job + "exclude: ['archive/**']\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");

        CliRun all = CliRun.of(temp.resolve("home"), "run", "all", "--jobs", jobs.toString(), "--out", out.toString());
        assertThat(all.exitCode()).as(all.out() + all.err()).isZero();
        assertThat(files(out).get("old-deals.csv").path("rows_loaded").asLong()).isEqualTo(1);

        CliRun current = CliRun.of(temp.resolve("home"), "run", "current", "--jobs", jobs.toString(), "--out", out.toString());
        assertThat(current.exitCode()).as(current.out() + current.err()).isZero();
        assertThat(files(out).get("old-deals.csv").path("status").asText()).isEqualTo("excluded");
        // Ghost's 99,999 won is gone with its file: won amounts are Acme's 1,000 only.
        assertThat(MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_summary.csv")).get(0)
                .get("won_amount")).isEqualTo("1000.00");
    }

    @Test
    void excludingEveryFileIsAClearError() throws Exception {
        Path input = Files.createDirectories(temp.resolve("client"));
        Files.writeString(input.resolve("deals.csv"), "opportunity_id,stage\n1,Won\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", input.toString(), "--out", temp.resolve("out").toString(),
                "--exclude", "*.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("is excluded (*.csv): nothing is left to analyse")
                .doesNotContain("Exception");
    }
}
