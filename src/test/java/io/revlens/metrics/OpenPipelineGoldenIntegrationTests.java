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
 * One definition of open pipeline at a mid-month as-of date, with an open deal in another currency, a deal created
 * after the as-of date and one won after it (src/test/resources/metrics/open-pipeline-fixture.sql; arithmetic there):
 * every table that shows it says 400.
 */
class OpenPipelineGoldenIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void everyTableShowsTheSameOpenPipeline() throws Exception {
        try (Connection connection = MetricFixture.load(temp.resolve("pipe.duckdb"), "open-pipeline-fixture.sql")) {
            new MetricsRunner().run(connection);
            Map<String, Object> summary = MetricFixture.rows(connection, "select * from win_rate_summary").get(0);
            assertThat((BigDecimal) summary.get("open_pipeline")).isEqualByComparingTo("400");
            assertThat(((Number) summary.get("open_count")).longValue()).isEqualTo(2);
            assertThat(((Number) summary.get("win_rate")).doubleValue()).isCloseTo(0.5, within(1e-12));
            assertThat(((Number) summary.get("win_rate_by_value")).doubleValue()).isCloseTo(400.0 / 450, within(1e-12));

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
}
