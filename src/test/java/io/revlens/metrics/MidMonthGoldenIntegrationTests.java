package io.revlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terms with one definition, at a mid-month as-of date: open pipeline (with an open deal in another currency, a deal
 * created after the as-of date and one won after it: every table says 400), this month's bookings against the same
 * days a year earlier, and "last period" as the 12 months to the previous month end (arithmetic in the fixtures).
 */
class MidMonthGoldenIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void everyTableShowsTheSameOpenPipeline() throws Exception {
        try (Connection connection = MetricFixture.load(temp.resolve("pipe.duckdb"), "open-pipeline-fixture.sql")) {
            new MetricsRunner().run(connection);
            Map<String, Object> summary = MetricFixture.rows(connection, "select * from win_rate_summary").get(0);
            assertThat((BigDecimal) summary.get("open_pipeline")).isEqualByComparingTo("400");
            assertThat(((Number) summary.get("open_count")).longValue()).isEqualTo(2);
            assertThat(((Number) summary.get("win_rate")).doubleValue()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(((Number) summary.get("win_rate_by_value")).doubleValue()).isCloseTo(490.0 / 540, within(1e-12));

            List<Map<String, Object>> reps = MetricFixture.rows(connection,
                    "select rep_name, open_pipeline from rep_scorecard order by rep_name");
            assertThat(reps).extracting(r -> r.get("rep_name")).containsExactly("Ann", "Ben");
            assertThat((BigDecimal) reps.get(0).get("open_pipeline")).isEqualByComparingTo("400");
            assertThat((BigDecimal) reps.get(1).get("open_pipeline")).isEqualByComparingTo("0");

            Map<String, Object> kpi = MetricFixture.rows(connection,
                    "select this_period from kpi_scorecard where kpi = 'open_pipeline'").get(0);
            assertThat(((Number) kpi.get("this_period")).doubleValue()).isEqualTo(400.0);
            assertThat(MetricFixture.rows(connection, "select opportunity_id from stalled_deals"))
                    .extracting(r -> r.get("opportunity_id")).doesNotContain("D2", "D3");
        }
    }

    @Test
    void bookingsThisMonthAreComparedWithTheSameDaysAYearEarlier() throws Exception {
        try (Connection connection = MetricFixture.load(temp.resolve("mtd.duckdb"), "open-pipeline-fixture.sql")) {
            new MetricsRunner().run(connection);
            Map<String, Object> bookings = MetricFixture.rows(connection,
                    "select this_period, last_period, same_period_last_year from kpi_scorecard where kpi = 'bookings_month'").get(0);
            assertThat(((Number) bookings.get("this_period")).doubleValue()).isEqualTo(400.0);
            assertThat(((Number) bookings.get("last_period")).doubleValue()).isEqualTo(0.0);
            assertThat(((Number) bookings.get("same_period_last_year")).doubleValue()).isEqualTo(70.0);

            // A monthly target of 1,000 at June 15 is judged month to date: 1,000 x 15/30 = 500; 400 is 20% short: red.
            try (var statement = connection.createStatement()) {
                statement.execute("update run_parameters set target_bookings_month = 1000");
            }
            new MetricsRunner().run(connection);
            Map<String, Object> targeted = MetricFixture.rows(connection,
                    "select target, compared_with, status from kpi_scorecard where kpi = 'bookings_month'").get(0);
            assertThat(((Number) targeted.get("target")).doubleValue()).isEqualTo(500.0);
            assertThat(targeted.get("compared_with")).isEqualTo("target");
            assertThat(targeted.get("status")).isEqualTo("red");
        }
    }

    @Test
    void lastPeriodAtAMidMonthAsOfDateIsTheTwelveMonthsToThePreviousMonthEnd() throws Exception {
        try (Connection connection = MetricFixture.load(temp.resolve("golden-mid.duckdb"), "golden-fixture.sql")) {
            try (var statement = connection.createStatement()) {
                statement.execute("update run_parameters set as_of_date = date '2026-06-15'");
            }
            new MetricsRunner().run(connection);
            Map<String, Object> revenue = MetricFixture.rows(connection,
                    "select this_period, last_period, same_period_last_year from kpi_scorecard where kpi = 't12m_revenue'").get(0);
            // golden-fixture.sql, USD lines 2025-06-01..2026-05-31: 600 + 400 + 300 - 50 + 250 + 100 = 1,600
            // (12 months to May 31, not the 12.5 months from 2025-05-16 the window once spanned)
            assertThat(((Number) revenue.get("last_period")).doubleValue()).isEqualTo(1600.0);
            // 2025-06-16..2026-06-15: the same six lines = 1,600; 2024-06-16..2025-06-15: 1,000 + 200 = 1,200
            assertThat(((Number) revenue.get("this_period")).doubleValue()).isEqualTo(1600.0);
            assertThat(((Number) revenue.get("same_period_last_year")).doubleValue()).isEqualTo(1200.0);
        }
    }

    @Test
    void theAsOfWeekMonthAndQuarterAreLabelledToDateOnlyWhileTheyArePartial() throws Exception {
        try (Connection connection = MetricFixture.load(temp.resolve("labels.duckdb"), "open-pipeline-fixture.sql")) {
            new MetricsRunner().run(connection);
            String labels = "select month_label(date '2026-06-01') as june, month_label(date '2026-05-01') as may,"
                    + " quarter_label(date '2026-04-01') as q2, quarter_label(date '2026-01-01') as q1";
            // As of June 15: June and Q2 are partial, May and Q1 complete.
            assertThat(MetricFixture.rows(connection, labels).get(0))
                    .containsEntry("june", "Jun 26 to date").containsEntry("may", "May 26")
                    .containsEntry("q2", "Q2 26 to date").containsEntry("q1", "Q1 26");
            try (var statement = connection.createStatement()) {
                statement.execute("update run_parameters set as_of_date = date '2026-05-31'");
            }
            // As of May 31: May is complete, Q2 (April to June) is not.
            assertThat(MetricFixture.rows(connection, labels).get(0))
                    .containsEntry("may", "May 26").containsEntry("q2", "Q2 26 to date").containsEntry("q1", "Q1 26");
            try (var statement = connection.createStatement()) {
                statement.execute("update run_parameters set as_of_date = date '2026-06-30'");
            }
            // As of June 30, the quarter's last day: nothing is partial.
            assertThat(MetricFixture.rows(connection, labels).get(0))
                    .containsEntry("june", "Jun 26").containsEntry("q2", "Q2 26");
            // Weeks start on Monday: as of Tuesday June 30 the week of June 29 is partial; as of Sunday July 5 it is whole.
            String weeks = "select week_label(date '2026-06-29') as this_week, week_label(date '2026-06-22') as last_week";
            assertThat(MetricFixture.rows(connection, weeks).get(0))
                    .containsEntry("this_week", "06-29 to date").containsEntry("last_week", "06-22");
            try (var statement = connection.createStatement()) {
                statement.execute("update run_parameters set as_of_date = date '2026-07-05'");
            }
            assertThat(MetricFixture.rows(connection, weeks).get(0)).containsEntry("this_week", "06-29");
        }
    }
}
