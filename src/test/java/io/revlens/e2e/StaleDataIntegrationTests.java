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
    void periodsAfterTheDataEndsAreUnknownNotZero() throws Exception {
        // As of 2028-01-31 the trailing 12 months start 2027-02-01, three months after the data ends (2026-10-31):
        // the data holds nothing of them. Of the 36 months the charts draw (2025-02 to 2028-01), the 21 up to 2026-10
        // are in the data and the 15 after it are not; so are the quarters and weeks after it.
        Path out = temp.resolve("long-after");
        CliRun run = run("2028-01-31", out);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Revenue, trailing 12 months: –").contains("Win rate (T12M): –");

        for (String name : List.of("t12m_revenue", "win_rate_t12m", "top_customer_share")) {
            CSVRecord kpi = kpi(out, name);
            assertThat(List.of(kpi.get("this_period"), kpi.get("last_period"))).as(name).allMatch(String::isEmpty);
        }
        assertThat(metric(out, "rep_scorecard")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("won_count_t12m")).isEmpty();
            assertThat(r.get("bookings_t12m")).isEmpty();
        });
        for (String table : List.of("revenue_monthly", "bookings_monthly")) {
            List<CSVRecord> months = metric(out, table);
            String value = table.equals("revenue_monthly") ? "revenue" : "bookings";
            assertThat(months).hasSize(36);
            assertThat(months.subList(0, 21)).as(table).allMatch(r -> r.get("month_start").compareTo("2026-10-01") <= 0
                    && !r.get(value).isEmpty());
            assertThat(months.subList(21, 36)).as(table).allMatch(r -> r.get(value).isEmpty());
        }
        assertThat(metric(out, "win_rate_quarterly")).filteredOn(r -> r.get("quarter_start").compareTo("2026-10-31") > 0)
                .hasSize(5).allMatch(r -> r.get("won_count").isEmpty() && r.get("win_rate").isEmpty());
        assertThat(metric(out, "opportunity_cohorts")).filteredOn(r -> r.get("quarter_start").compareTo("2026-10-31") > 0)
                .hasSize(5).allMatch(r -> r.get("created_count").isEmpty() && r.get("created_amount").isEmpty());
        assertThat(metric(out, "rep_weekly_activity")).isNotEmpty().allMatch(r -> r.get("new_opportunities").isEmpty());
    }

    private static List<CSVRecord> metric(Path out, String table) throws Exception {
        return MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/" + table + ".csv"));
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
