package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.metrics.MetricsRunner;
import io.revlens.model.SqlScript;
import io.revlens.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL invariants of src/test/resources/sql/checks/ (each returns rows only when something is broken, in the
 * style of dbt's data tests) over every kind of database RevLens builds: the hand-written golden fixtures (at
 * their month-end as-of date and at a mid-month one), the bundled sample and each public dataset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlInvariantsIntegrationTests {

    static final List<String> CHECKS = List.of("rows_accounted", "open_pipeline_agrees", "revenue_shares_sum_to_one",
            "no_fan_out", "nothing_after_as_of", "next_quarter_pipeline_agrees", "rates_are_fractions", "funnels_never_grow",
            "scorecard_agrees_with_its_grid", "funnel_is_one_pipeline");

    final Map<String, Path> databases = new LinkedHashMap<>();

    @BeforeAll
    void build(@TempDir Path temp) throws Exception {
        databases.put("golden fixture", fixture(temp, "golden-fixture.sql", null));
        databases.put("golden fixture, mid-month as-of", fixture(temp, "golden-fixture.sql", "2026-06-15"));
        databases.put("golden reps fixture", fixture(temp, "golden-reps-fixture.sql", null));
        databases.put("open pipeline fixture (mid-month, two currencies)", fixture(temp, "open-pipeline-fixture.sql", null));
        databases.put("sample company", analyzed(temp, "sample", Path.of("sample-data")));
        databases.put("sample company, mid-month as-of", analyzed(temp, "sample-mid", Path.of("sample-data"),
                "--as-of", "2026-10-15"));
        // the packet job: a scorecard with weekly and monthly measurables and two Rocks
        Path packet = temp.resolve("out-packet");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--out", packet.toString());
        assertThat(run.exitCode()).as("packet: " + run.out() + run.err()).isZero();
        databases.put("sample company, planning packet", packet.resolve("revlens.duckdb"));
        // deals in two pipelines: the funnel is the larger one's
        Path pipelines = Files.createDirectories(temp.resolve("pipelines"));
        Files.writeString(pipelines.resolve("deals.csv"), """
                "Deal - ID","Deal - Title","Deal - Value","Deal - Pipeline","Deal - Stage","Deal - Status","Deal - Deal created","Deal - Deal closed on"
                1,S1,1000,Sales Pipeline,Qualified,open,2026-02-01,
                2,S2,1000,Sales Pipeline,Contact Made,lost,2026-02-02,2026-03-02
                3,S3,1000,Sales Pipeline,Proposal Made,won,2026-02-03,2026-04-03
                4,P1,5000,Partners,Proposal Made,won,2026-03-01,2026-05-01
                5,P2,5000,Partners,Partner Contract,open,2026-03-02,
                """);
        databases.put("deals in two pipelines", analyzed(temp, "pipelines", pipelines, "--as-of", "2026-10-31"));
        for (String dataset : List.of("maven-crm-sales-opportunities", "salesforce-object-export",
                "olist-marketing-funnel", "uci-online-retail-sample")) {
            Path folder = Path.of("..", "shared", "datasets", dataset);
            if (Files.isDirectory(folder)) {
                databases.put(dataset, analyzed(temp, dataset, folder));
            }
        }
    }

    private static Path fixture(Path temp, String fixture, String asOf) throws Exception {
        Path db = temp.resolve(fixture + (asOf == null ? "" : "-" + asOf) + ".duckdb");
        try (Connection connection = Workspace.open(db)) {
            for (String sql : SqlScript.statements(Workspace.readResource("metrics/" + fixture))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
            if (asOf != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("update run_parameters set as_of_date = date '" + asOf + "'");
                }
            }
            new MetricsRunner().run(connection);
        }
        return db;
    }

    private static Path analyzed(Path temp, String name, Path folder, String... more) {
        Path out = temp.resolve("out-" + name);
        List<String> args = new ArrayList<>(List.of("analyze", folder.toAbsolutePath().toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(temp.resolve("home"), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(name + ": " + run.out() + run.err()).isZero();
        return out.resolve("revlens.duckdb");
    }

    Stream<String> checks() {
        return CHECKS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void holdsOnEveryDatabase(String check) throws Exception {
        String sql = Workspace.readResource("sql/checks/" + check + ".sql");
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        for (Map.Entry<String, Path> database : databases.entrySet()) {
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.getValue(), readOnly);
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(sql)) {
                List<String> broken = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
                    }
                    broken.add(String.join(", ", row));
                }
                assertThat(broken).as(check + " on " + database.getKey()).isEmpty();
            }
        }
    }
}
