package io.revlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.revlens.job.PlanWriter;
import io.revlens.job.Planning;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scorecard measurables, Rocks and quota attainment on a real DuckDB file loaded with
 * src/test/resources/metrics/planning-fixture.sql (as of Tuesday 2026-06-30), the plan written by PlanWriter as a
 * job file's would be. Every expected value is worked out by hand in the comments.
 */
class PlanningGoldenIntegrationTests {

    @TempDir
    Path temp;

    Connection connection;

    @BeforeEach
    void load() throws Exception {
        connection = MetricFixture.load(temp.resolve("plan.duckdb"), "planning-fixture.sql");
        Planning.Filter all = Planning.Filter.ALL;
        PlanWriter.write(connection, new Planning(8, List.of(
                new Planning.Measurable("New opportunities", "new_opportunities", all, "Lead", new BigDecimal("2"), "up", "weekly"),
                new Planning.Measurable("Ann's new opportunities", "new_opportunities", new Planning.Filter("rep", "ann"), "Ann", null, "up", "weekly"),
                new Planning.Measurable("Win rate", "win_rate", all, "Lead", new BigDecimal("0.5"), "up", "monthly"),
                new Planning.Measurable("Cycle", "average_cycle_days", all, "Lead", new BigDecimal("10"), "down", "monthly"),
                new Planning.Measurable("West bookings", "bookings", new Planning.Filter("region", "West"), "Bob", null, "up", "monthly"),
                new Planning.Measurable("Zed's deals", "new_opportunities", new Planning.Filter("rep", "Zed"), "Zed", new BigDecimal("1"), "up", "weekly")),
                List.of(
                        new Planning.Rock("Ann: 10 new opportunities", "new_opportunities", new Planning.Filter("rep", "Ann"), "Ann",
                                null, LocalDate.parse("2026-06-01"), new BigDecimal("10"), LocalDate.parse("2026-07-31"), "up"),
                        new Planning.Rock("Win rate to 80%", "win_rate", all, "Lead",
                                null, LocalDate.parse("2026-06-01"), new BigDecimal("0.8"), LocalDate.parse("2026-09-30"), "up"),
                        new Planning.Rock("Cycle under 20 days", "average_cycle_days", all, "Lead",
                                null, LocalDate.parse("2025-01-01"), new BigDecimal("20"), LocalDate.parse("2025-07-31"), "down"),
                        new Planning.Rock("Zed: 5 deals", "new_opportunities", new Planning.Filter("rep", "Zed"), "Zed",
                                null, LocalDate.parse("2026-06-01"), new BigDecimal("5"), LocalDate.parse("2026-07-31"), "up"))));
        new MetricsRunner().run(connection);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void weeklyMeasurableAgainstItsGoal() throws Exception {
        List<Map<String, Object>> grid = MetricFixture.rows(connection,
                "select period_number, period_start, period_end, value, status from scorecard_grid where measurable_id = 1 order by period_number");
        assertThat(grid).hasSize(13);
        // Latest week Mon 06-22 .. Sun 06-28: a2 (06-22), a3 (06-23), b1 (06-24) created = 3, goal 2: green.
        assertThat(grid.get(12).get("period_start")).hasToString("2026-06-22");
        assertThat(grid.get(12).get("period_end")).hasToString("2026-06-28");
        assertThat(((Number) grid.get(12).get("value")).doubleValue()).isEqualTo(3.0);
        assertThat(grid.get(12).get("status")).isEqualTo("green");
        // 06-15 .. 06-21: a4 = 1, red; 05-04 .. 05-10: b2 = 1, red; every other week 0 (covered: the data starts
        // 2025-01-06), red.
        assertThat(((Number) grid.get(11).get("value")).doubleValue()).isEqualTo(1.0);
        assertThat(grid.get(0).get("period_start")).hasToString("2026-03-30");
        assertThat(grid.stream().limit(12).map(r -> r.get("status"))).containsOnly("red");
        Map<String, Object> summary = summary(1);
        assertThat(summary.get("compared_with")).isEqualTo("goal");
        assertThat(summary.get("streak_length")).isEqualTo(1L);
        assertThat(summary.get("flagged")).isEqualTo(false);
    }

    @Test
    void withoutAGoalAMeasurableIsJudgedAgainstAYearEarlierAndALongStreakIsFlagged() throws Exception {
        // Ann (filter matched without regard to case): latest week a2, a3 = 2 against 2025-06-23 .. 06-29 (a5) = 1:
        // green; every earlier week 0 or 1 against 0 a year before: green. 13 green in a row >= 8: flagged.
        List<Map<String, Object>> grid = MetricFixture.rows(connection,
                "select value, compare_value, status from scorecard_grid where measurable_id = 2 order by period_number");
        assertThat(((Number) grid.get(12).get("value")).doubleValue()).isEqualTo(2.0);
        assertThat(((Number) grid.get(12).get("compare_value")).doubleValue()).isEqualTo(1.0);
        assertThat(grid.stream().map(r -> r.get("status"))).containsOnly("green");
        Map<String, Object> summary = summary(2);
        assertThat(summary.get("compared_with")).isEqualTo("same period a year earlier");
        assertThat(summary.get("streak_length")).isEqualTo(13L);
        assertThat(summary.get("flag_text")).isEqualTo("green for 13 weeks in a row: this has not prompted action");
    }

    @Test
    void ratesAreUnknownWithoutADenominatorNotZero() throws Exception {
        // June 2026 closed: a3 won, a4 lost, b1 won = 2/3, goal 0.5: green. May: b2 lost = 0/1: red.
        // July 2025 .. April 2026: no deal closed: unknown, no status.
        List<Map<String, Object>> grid = MetricFixture.rows(connection,
                "select value, status from scorecard_grid where measurable_id = 3 order by period_number");
        assertThat(grid).hasSize(12);
        assertThat(((Number) grid.get(11).get("value")).doubleValue()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(grid.get(11).get("status")).isEqualTo("green");
        assertThat(((Number) grid.get(10).get("value")).doubleValue()).isEqualTo(0.0);
        assertThat(grid.get(10).get("status")).isEqualTo("red");
        assertThat(grid.subList(0, 10)).allSatisfy(r -> assertThat(r.get("value")).isNull());
        assertThat(summary(3).get("streak_length")).isEqualTo(1L);
        // Cycle, lower is better: June won a3 (2 days) and b1 (5): 3.5 <= 10, green.
        Map<String, Object> cycle = summary(4);
        assertThat(((Number) cycle.get("latest_value")).doubleValue()).isEqualTo(3.5);
        assertThat(cycle.get("latest_status")).isEqualTo("green");
        // West (Bob's region): June bookings b1 = 1,000 (not Ann's 300), against June 2025's 0.
        Map<String, Object> west = summary(5);
        assertThat(((Number) west.get("latest_value")).doubleValue()).isEqualTo(1000.0);
        assertThat(west.get("latest_status")).isEqualTo("green");
    }

    @Test
    void aFilterNamingNoOneInTheDataIsUnknownNotARunOfZeros() throws Exception {
        // No deal, activity or lead of the fixture has a rep called Zed (a job file written for another client).
        Map<String, Object> zed = summary(6);
        assertThat(zed.get("unknown_reason")).isEqualTo("no rep \"Zed\" in the data");
        assertThat(zed.get("latest_value")).isNull();
        assertThat(zed.get("latest_status")).isNull();
        assertThat(zed.get("flagged")).isNull();
        // A Rock for Zed: no baseline is "measured" from data that has no Zed, and no status.
        Map<String, Object> rock = rock(4);
        assertThat(rock.get("unknown_reason")).isEqualTo("no rep \"Zed\" in the data");
        assertThat(rock.get("baseline_value")).isNull();
        assertThat(rock.get("current_value")).isNull();
        assertThat(rock.get("status")).isNull();
    }

    @Test
    void rocksAgainstAStraightLineAndWhatHistoryMakesRealistic() throws Exception {
        Map<String, Object> ann = rock(1);
        // From 06-01: a4, a2, a3 = 3 by 06-30. 29 of 60 days elapsed: expected 10 x 29/60 = 4.83; behind by 1.83,
        // more than 10% of the planned 10: off track.
        assertThat(((Number) ann.get("current_value")).doubleValue()).isEqualTo(3.0);
        assertThat(((Number) ann.get("baseline_value")).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) ann.get("expected_value")).doubleValue()).isCloseTo(10.0 * 29 / 60, within(1e-9));
        assertThat(ann.get("status")).isEqualTo("off track");
        // Quarters Ann's count is known for (data from 2025-01-06): Q2 2025 1 (a5), Q3 0, Q4 0, Q1 2026 0, Q2 2026 3.
        // Changes 3, 0, 0, -1: median 0, best 3. Realistic 3 + 0 = 3, stretch 3 + 3 = 6. The Rock asks
        // 10 x 91.25 / 60 = 15.2 a quarter; the best quarter had 3: beyond history.
        assertThat(ann.get("quarter_changes")).isEqualTo(4L);
        assertThat(((Number) ann.get("realistic_next_target")).doubleValue()).isEqualTo(3.0);
        assertThat(((Number) ann.get("stretch_next_target")).doubleValue()).isEqualTo(6.0);
        assertThat(((Number) ann.get("asked_per_quarter")).doubleValue()).isCloseTo(10 * 91.25 / 60, within(1e-9));
        assertThat(ann.get("beyond_history")).isEqualTo(true);

        Map<String, Object> winRate = rock(2);
        // Baseline measured over the 90 days before 06-01 (03-03 .. 05-31): b2 lost = 0/1 = 0. Now, the 90 days to
        // 06-30 (04-02 ..): b2 lost, a4 lost, a3 won, b1 won = 2/4. Expected 0 + 0.8 x 29/121 = 0.19: on track.
        assertThat(winRate.get("baseline_measured")).isEqualTo(true);
        assertThat(((Number) winRate.get("baseline_value")).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) winRate.get("current_value")).doubleValue()).isEqualTo(0.5);
        assertThat(((Number) winRate.get("expected_value")).doubleValue()).isCloseTo(0.8 * 29 / 121, within(1e-9));
        assertThat(winRate.get("status")).isEqualTo("on track");

        Map<String, Object> cycle = rock(3);
        // Due 2025-07-31, passed: the value at the due date, the 90 days 2025-05-03 .. 07-31: a5's 5 days <= 20:
        // achieved, though the baseline window (before the data starts) is unknown.
        assertThat(cycle.get("measured_on")).hasToString("2025-07-31");
        assertThat(((Number) cycle.get("current_value")).doubleValue()).isEqualTo(5.0);
        assertThat(cycle.get("baseline_value")).isNull();
        assertThat(cycle.get("status")).isEqualTo("achieved");
    }

    @Test
    void dataThatIsNotStaleCoversTheDaysUpToTheAsOfDate() throws Exception {
        // The export ends the day before the as-of date (06-29): within stale_after_days (7), so the win-rate Rock's
        // window to 06-30 is covered, 2/4 as above. Ending 06-01, 29 days before, the data is stale and the window
        // past its end unknown.
        try (Statement statement = connection.createStatement()) {
            statement.execute("update run_parameters set data_end_date = date '2026-06-29', stale_after_days = 7");
        }
        new MetricsRunner().run(connection);
        assertThat(((Number) rock(2).get("current_value")).doubleValue()).isEqualTo(0.5);
        try (Statement statement = connection.createStatement()) {
            statement.execute("update run_parameters set data_end_date = date '2026-06-01'");
        }
        new MetricsRunner().run(connection);
        assertThat(rock(2).get("current_value")).isNull();
        assertThat(rock(2).get("status")).isNull();
    }

    @Test
    void quotaAttainmentByQuarter() throws Exception {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : MetricFixture.rows(connection,
                "select rep_name, quarter_start, bookings, attainment, won_count, lost_count, win_rate, partial_quarter"
                        + " from rep_quota_attainment order by rep_name, quarter_start")) {
            rows.add(r.get("rep_name") + " " + r.get("quarter_start") + " " + r.get("bookings") + " " + r.get("attainment")
                    + " " + r.get("won_count") + "/" + r.get("lost_count") + " " + r.get("win_rate") + " " + r.get("partial_quarter"));
        }
        // Ann (quota 1,000): Q3 2025 .. Q1 2026 nothing closed (win rate unknown); Q2 2026 a3 won 300 = 30%, a4 lost:
        // 1 of 2. Bob (quota 2,000, hired 2026-05-01): Q2 2026 only, b1 won 1,000 = 50%, b2 lost: 1 of 2, partial.
        assertThat(rows).containsExactly(
                "Ann 2025-07-01 0.00 0.0 0/0 null false", "Ann 2025-10-01 0.00 0.0 0/0 null false",
                "Ann 2026-01-01 0.00 0.0 0/0 null false", "Ann 2026-04-01 300.00 0.3 1/1 0.5 false",
                "Bob 2026-04-01 1000.00 0.5 1/1 0.5 true",
                // Cy and Di (no quota, hired in Q1 2026): attainment unknown, nothing closed.
                "Cy 2026-01-01 0.00 null 0/0 null true", "Cy 2026-04-01 0.00 null 0/0 null false",
                "Di 2026-01-01 0.00 null 0/0 null true", "Di 2026-04-01 0.00 null 0/0 null false");
    }

    @Test
    void activityInTheFirstNinetyDaysAgainstEarlierHires() throws Exception {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> r : MetricFixture.rows(connection, "select * from rep_ramp_activity")) {
            rows.add(r.get("rep_name") + " " + r.get("activities_d0_30") + "/" + r.get("activities_d31_60") + "/"
                    + r.get("activities_d61_90") + " vs " + r.get("benchmark_d0_30") + "/" + r.get("benchmark_d31_60")
                    + "/" + r.get("benchmark_d61_90"));
        }
        // Ann was hired before the activity data starts: no row. Cy (4/2/1) and Di (2/4/3) have fewer than two
        // earlier hires to compare with. Bob (hired 05-01, 60 days by 06-30): 3 in days 0-30, 1 done in 31-60 (the
        // no-show is not), 61-90 not reached; against the medians of Cy and Di: (4+2)/2 = 3, (2+4)/2 = 3, (1+3)/2 = 2.
        assertThat(rows).containsExactly("Cy 4/2/1 vs null/null/null", "Di 2/4/3 vs null/null/null",
                "Bob 3/1/null vs 3.0/3.0/2.0");
    }

    private Map<String, Object> summary(int measurable) throws Exception {
        return MetricFixture.rows(connection, "select * from scorecard_summary where measurable_id = " + measurable).get(0);
    }

    private Map<String, Object> rock(int id) throws Exception {
        return MetricFixture.rows(connection, "select * from rock_progress where rock_id = " + id).get(0);
    }
}
