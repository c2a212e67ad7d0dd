package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's exports end on 2026-10-31. Run as of 2026-12-04 (the monthly rule on a stale export), the data
 * ends 34 days before the as-of date, more than the default stale_after_days of 7: page 1, the console and
 * run-summary.json say so, and this month's bookings and rep inactivity are unknown instead of $0 and
 * "inactive". As of 2026-10-31 nothing is stale.
 */
class StaleDataIntegrationTests {

    @TempDir
    Path temp;

    private CliRun run(String asOf, Path out) {
        return CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--input", "sample-data",
                "--as-of", asOf, "--out", out.toString(), "--force");
    }

    @Test
    void dataEndingAMonthBeforeTheAsOfDateIsSaidAndNotReadAsZero() throws Exception {
        Path out = temp.resolve("stale");
        CliRun run = run("2026-12-04", out);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        String note = "data ends 2026-10-31, 34 days before the as-of date";
        assertThat(run.out()).contains("NOTE: " + note);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("data_end_date").asText()).isEqualTo("2026-10-31");
        assertThat(summary.path("data_stale").asText()).startsWith(note);
        assertThat(PdfText.of(out.resolve("board-report.pdf")).text()).contains(note);

        CSVRecord bookings = kpi(out, "bookings_month");
        assertThat(bookings.get("this_period")).as("December has no data: unknown, not 0").isEmpty();
        assertThat(bookings.get("last_period")).as("nor does November").isEmpty();
        assertThat(bookings.get("status")).isEqualTo("none");
        List<CSVRecord> inactivity = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/rep_inactivity.csv"));
        assertThat(inactivity).isNotEmpty().allSatisfy(r -> assertThat(r.get("is_inactive")).isEmpty());
        String triggers = String.join("\n", MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/action_triggers.csv"))
                .stream().map(r -> r.get("sentence")).toList());
        assertThat(triggers).doesNotContain("has created no new opportunities");
    }

    @Test
    void dataUpToTheAsOfDateIsNotStale() throws Exception {
        Path out = temp.resolve("fresh");
        CliRun run = run("2026-10-31", out);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("NOTE: data ends");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("data_stale").isNull()).isTrue();
        assertThat(kpi(out, "bookings_month").get("this_period")).isNotEmpty();
    }

    private static CSVRecord kpi(Path out, String name) throws Exception {
        return MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/kpi_scorecard.csv")).stream()
                .filter(r -> r.get("kpi").equals(name)).findFirst().orElseThrow();
    }
}
