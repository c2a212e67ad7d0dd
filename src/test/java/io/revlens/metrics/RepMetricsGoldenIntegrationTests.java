package io.revlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real metric SQL files on a real DuckDB file loaded with src/test/resources/metrics/golden-reps-fixture.sql;
 * every expected value was worked out by hand (arithmetic in the comments and in the fixture).
 */
class RepMetricsGoldenIntegrationTests {

    @TempDir
    Path temp;

    Connection connection;
    List<MetricResult> results;

    @BeforeEach
    void load() throws Exception {
        connection = MetricFixture.load(temp.resolve("golden.duckdb"), "golden-reps-fixture.sql");
        results = new MetricsRunner().run(connection);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void rampComparesPipelineCreatedWithEarlierHires() throws Exception {
        Map<String, Map<String, Object>> ramp = byKey(rows("select * from rep_ramp"), "rep_name");
        Map<String, Object> nia = ramp.get("Nia");
        // Peers for Nia: Pia and Paul (hired inside the data, 90+ days of tenure).
        // Benchmark by day 60 = median(300, 1000) = 650; by day 90 = median(600, 1500) = 1050.
        assertThat((BigDecimal) nia.get("pipeline_to_d60")).isEqualByComparingTo("100");
        assertThat((BigDecimal) nia.get("benchmark_d60")).isEqualByComparingTo("650");
        assertThat((BigDecimal) nia.get("benchmark_d90")).isEqualByComparingTo("1050");
        assertThat((Double) nia.get("share_of_benchmark_d90")).isCloseTo(100.0 / 1050, within(1e-12));
        assertThat(nia.get("benchmark_basis")).isEqualTo("median of 2 earlier hires at the same tenure");
        assertThat(nia.get("ramp_status")).isEqualTo("behind ramp");
        // Behind at day 90 (100 / 1,050 < 50%): the window every sentence about her ramp states.
        assertThat(((Number) nia.get("ramp_window_days")).intValue()).isEqualTo(90);
        assertThat((BigDecimal) nia.get("ramp_benchmark")).isEqualByComparingTo("1050");
        assertThat((Double) nia.get("ramp_share")).isCloseTo(100.0 / 1050, within(1e-12));
        assertThat(nia.get("days_to_first_opportunity")).isEqualTo(20L);
        assertThat(ramp.get("Ned").get("ramp_status")).isEqualTo("too early");
        // Olga was hired before the data starts: her first 90 days are not in it.
        assertThat(ramp.get("Olga").get("ramp_status")).isEqualTo("ramped");
        assertThat(ramp.get("Olga").get("share_of_benchmark_d60")).isNull();
        // Pia: day-5 deal won on day 54 -> 100 booked in days 31-60.
        assertThat((BigDecimal) ramp.get("Pia").get("bookings_d31_60")).isEqualByComparingTo("100");
        assertThat(ramp.get("Pia").get("days_to_first_win")).isEqualTo(54L);
    }

    @Test
    void rampCurveAgainstEarlierHires() throws Exception {
        Map<String, Map<String, Object>> nia = new LinkedHashMap<>();
        rows("select * from rep_ramp_curve where rep_name = 'Nia'").forEach(r -> nia.put(r.get("tenure_month").toString(), r));
        // Nia: 148 days of tenure -> months 1..4. Month 1 (days 0-30): her day-20 deal, 100.
        // Benchmark month 1 = median of the earlier hires inside the data: Pia 100 (day 5), Paul 1000 (day 10) -> 550.
        assertThat(nia.keySet()).containsExactly("1", "2", "3", "4");
        assertThat((BigDecimal) nia.get("1").get("cumulative_pipeline")).isEqualByComparingTo("100");
        assertThat((BigDecimal) nia.get("1").get("benchmark_cumulative_pipeline")).isEqualByComparingTo("550");
        // Month 3 (days 0-90): Pia 600, Paul 1500 -> 1050.
        assertThat((BigDecimal) nia.get("3").get("benchmark_cumulative_pipeline")).isEqualByComparingTo("1050");
    }

    @Test
    void weeklyActivityAndInactivity() throws Exception {
        // 13 Monday weeks up to the week of 2026-06-29, zero-filled, for the 5 roster reps.
        assertThat(rows("select count(*) as n from rep_weekly_activity").get(0).get("n")).isEqualTo(65L);
        assertThat(rows("select new_opportunities from rep_weekly_activity where rep_name = 'Ned' and week_start = date '2026-06-22'")
                .get(0).get("new_opportunities")).isEqualTo(1L);
        Map<String, Map<String, Object>> idle = byKey(rows("select * from rep_inactivity"), "rep_name");
        // Olga: last deal 2026-06-01 = 29 days = 4 weeks; Ned: 2026-06-25 = 5 days.
        assertThat(idle.get("Olga").get("days_without_new_opportunity")).isEqualTo(29L);
        assertThat(idle.get("Olga").get("weeks_without_new_opportunity")).isEqualTo(4L);
        assertThat(idle.get("Olga").get("is_inactive")).isEqualTo(true);
        assertThat(idle.get("Ned").get("is_inactive")).isEqualTo(false);
    }

    @Test
    void anInactiveRepsLastDealInAnEarlierYearIsDatedWithItsYear() throws Exception {
        // As of 2027-01-15 Olga's last new deal (2026-06-01) was in the year before: "June 1" would read as 2027.
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("update run_parameters set as_of_date = date '2027-01-15'");
        }
        new MetricsRunner().run(connection);
        assertThat(rows("select sentence from action_triggers where sentence like 'Olga has created%'"))
                .extracting(r -> r.get("sentence")).singleElement().asString().endsWith("(last on June 1, 2026).");
    }

    @Test
    void stalledDealsCoverageAndCohorts() throws Exception {
        // Open: olga-2 (29 days since created, closes in August: not stalled), nia-1 (past its close date), ned-1.
        assertThat(rows("select opportunity_id, stall_reason, source_row from stalled_deals"))
                .containsExactly(Map.of("opportunity_id", "nia-1", "stall_reason", "past close date", "source_row", 9L));
        Map<String, Object> coverage = rows("select * from pipeline_coverage").get(0);
        // Next quarter 2026-07-01..09-30: open pipeline 3650 + 50; target = quotas 1000 + 500 + 500.
        assertThat((BigDecimal) coverage.get("open_pipeline")).isEqualByComparingTo("3700");
        assertThat((BigDecimal) coverage.get("target")).isEqualByComparingTo("2000");
        assertThat((Double) coverage.get("coverage_ratio")).isCloseTo(1.85, within(1e-12));
        // T12M win rate is 0 (paul-2 lost), so the required pipeline is unknown, not infinite.
        assertThat(coverage.get("required_pipeline")).isNull();
        Map<String, Map<String, Object>> cohorts = new java.util.LinkedHashMap<>();
        rows("select * from opportunity_cohorts").forEach(r -> cohorts.put(r.get("quarter_start").toString(), r));
        assertThat(cohorts).hasSize(8);
        // Q1 2025: pia-1 won; pia-2, pia-3, paul-1 lost -> 1 / 4.
        assertThat(cohorts.get("2025-01-01").get("created_count")).isEqualTo(4L);
        assertThat((Double) cohorts.get("2025-01-01").get("win_rate")).isCloseTo(0.25, within(1e-12));
        assertThat(cohorts.get("2026-04-01").get("open_count")).isEqualTo(2L);
        assertThat(cohorts.get("2025-10-01").get("win_rate")).isNull();
    }

    @Test
    void leadFunnelCountsLaterStagesAsPassed() throws Exception {
        Map<String, Map<String, Object>> funnel = byKey(rows("select * from lead_funnel"), "lead_stage");
        // Created in T12M: L1, L2, L3 (L4 is older). MQL: L1, L2. SQL: L1. Opportunity: L1.
        assertThat(funnel.get("created").get("reached_count")).isEqualTo(3L);
        assertThat((Double) funnel.get("created").get("conversion_rate")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat((Double) funnel.get("mql").get("conversion_rate")).isCloseTo(0.5, within(1e-12));
        assertThat(funnel.get("opportunity").get("reached_count")).isEqualTo(1L);
        // Days from created to MQL: L1 4, L2 2 -> median 3.
        assertThat(((Number) funnel.get("created").get("median_days_to_next")).doubleValue()).isCloseTo(3.0, within(1e-12));
    }

    private List<Map<String, Object>> rows(String sql) throws Exception {
        return MetricFixture.rows(connection, sql);
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String key) {
        return MetricFixture.byKey(rows, key);
    }
}
