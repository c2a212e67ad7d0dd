package io.revlens.ops;

import io.revlens.e2e.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job history in a real PostgreSQL server ({@code REVLENS_TEST_PG_URL}, {@code REVLENS_TEST_PG_USER},
 * {@code REVLENS_TEST_PG_PASSWORD}; {@code .ci/run} starts one): a run killed in a child process is
 * listed and restarted from the history kept there. Each test uses its own schema.
 */
class PostgresHistoryIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private TestPostgresSchema schema;
    private Map<String, String> history;

    @BeforeEach
    void createSchema() throws Exception {
        schema = TestPostgresSchema.createOrSkip("revlens_test");
        history = schema.historyProperties();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void aRunKilledDuringMetricsIsRestartedFromPostgresBackedHistory() throws Exception {
        Path home = temp.resolve("home");
        Path out = temp.resolve("out");
        try (RevLensProcess run = RevLensProcess.start(home, temp.resolve("run.log"), history,
                "run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString())) {
            assertThat(run.awaitOutput(o -> o.contains("step computeMetrics started"))).as(run.output()).isTrue();
            run.killHard();
            assertThat(run.output()).doesNotContain("step computeMetrics COMPLETED");
        }
        assertThat(statuses()).containsExactly("STARTED");

        JsonNode killed = runs(home).get(0);
        assertThat(killed.path("status").asText()).isEqualTo("STARTED");
        assertThat(killed.path("message").asText()).contains("killed");
        long id = killed.path("execution_id").asLong();

        CliRun restarted = CliRun.of(home, history, "restart", Long.toString(id));
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(RunHistoryIntegrationTests.steps(out)).containsExactly("computeMetrics:COMPLETED", "renderReports:COMPLETED",
                "deliverOutputs:COMPLETED");
        assertThat(out.resolve("board-report.pdf")).isRegularFile();

        // Recorded in PostgreSQL (not in an H2 file under the home folder): the killed run marked failed, then the restart.
        assertThat(statuses()).containsExactly("FAILED", "COMPLETED");
        assertThat(home.resolve("history")).doesNotExist();
        JsonNode runs = runs(home);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("status").asText()).isEqualTo("COMPLETED");
        // 1,779 deals + 110 companies + 12 reps + 2,453 invoice lines + 3,534 calls + 785 meetings in sample-data/.
        assertThat(runs.get(0).path("rows_loaded").asLong()).isEqualTo(8673);

        CliRun again = CliRun.of(home, history, "run", "monthly-board-report", "--as-of", "2026-10-31", "--out", out.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed");
    }

    private JsonNode runs(Path home) throws Exception {
        CliRun runs = CliRun.of(home, history, "runs", "--json");
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        return JSON.readTree(runs.out());
    }

    private List<String> statuses() throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection connection = schema.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select status from batch_job_execution order by job_execution_id")) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }
}
