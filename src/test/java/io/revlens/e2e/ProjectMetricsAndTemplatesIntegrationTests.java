package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project changes a metric or a page without rebuilding RevLens: its own SQL files in metrics/ each make a table
 * with its CSV, a broken one is named with its line and stops nothing else, and a template in its reports/ replaces
 * the bundled one of the same name.
 */
class ProjectMetricsAndTemplatesIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void ownMetricFilesAndATemplateOverrideWorkWithoutABuild() throws Exception {
        Path project = temp.resolve("project");
        Path jobs = Files.createDirectories(project.resolve("jobs"));
        Files.writeString(jobs.resolve("board.yml"), Files.readString(Path.of("jobs", "monthly-board-report.yml"))
                .replace("path: ../sample-data", "path: " + Path.of("sample-data").toAbsolutePath()));
        Path metrics = Files.createDirectories(project.resolve("metrics"));
        Files.writeString(metrics.resolve("largest_open_deals.sql"), """
                -- largest_open_deals: the five largest open deals on the as-of date
                create or replace table largest_open_deals as
                select opportunity_id, account_name, amount from opportunity_progress
                where in_open_pipeline and amount is not null order by amount desc, opportunity_id limit 5;
                """);
        Files.writeString(metrics.resolve("broken.sql"), "create or replace table broken as\nselect amount frm opportunities;\n");
        Files.writeString(metrics.resolve("replaces_bundled.sql"), "create or replace table win_rate_summary as select 1 as x;\n");
        Path reports = Files.createDirectories(project.resolve("reports"));
        String bundled = Files.readString(Path.of("reports", "board-monthly.jrxml"));
        String own = bundled.replace("<expression><![CDATA[\"What needs attention\"]]></expression>",
                "<expression><![CDATA[\"What needs attention at the Acme board\"]]></expression>");
        assertThat(own).isNotEqualTo(bundled);
        Files.writeString(reports.resolve("board-monthly.jrxml"), own);

        Path out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), Map.of("revlens.input.roots", Path.of("sample-data").toAbsolutePath().toString()),
                "run", "board", "--jobs", jobs.toString(), "--as-of", "2026-10-31", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        List<String> largest = Files.readAllLines(out.resolve("metrics/largest_open_deals.csv"));
        assertThat(largest).hasSize(6).first().isEqualTo("opportunity_id,account_name,amount");
        assertThat(run.out()).contains("FAILED: metrics/broken.sql line 2: Parser Error: syntax error at or near \"opportunities\"")
                .contains("FAILED: metrics/replaces_bundled.sql: would replace the bundled table win_rate_summary");
        assertThat(out.resolve("metrics/broken.csv")).doesNotExist();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(PdfText.of(out.resolve("board-report.pdf")).text()).contains("What needs attention at the Acme board");
        // the bundled win_rate_summary is untouched
        assertThat(Files.readString(out.resolve("metrics/win_rate_summary.csv"))).startsWith("won_count,");
    }
}
