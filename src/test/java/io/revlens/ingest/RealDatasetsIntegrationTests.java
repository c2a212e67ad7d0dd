package io.revlens.ingest;

import io.revlens.ingest.read.InputScanner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two real public datasets load with no hand-written mapping (skipped when ../shared/datasets is absent). */
class RealDatasetsIntegrationTests {

    static Path datasets() {
        Path dir = Path.of(System.getProperty("revlens.datasets", Path.of("..", "shared", "datasets").toString()));
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "real datasets not found at " + dir.toAbsolutePath() + " (set -Drevlens.datasets=...)");
        return dir;
    }

    @TempDir
    Path tmp;

    @Test
    void mavenCrmDatasetLoadsOpportunitiesAccountsAndReps() throws Exception {
        Path folder = datasets().resolve("maven-crm-sales-opportunities");
        Assumptions.assumeTrue(Files.isDirectory(folder), "maven-crm-sales-opportunities not present");
        Path db = tmp.resolve("maven.duckdb");
        List<Path> files = InputScanner.scan(folder);
        LoadRun.run(db, files, Map.of());
        Map<String, LoadRun.FileRow> rows = LoadRun.files(db);

        LoadRun.FileRow pipeline = rows.get("sales_pipeline.csv");
        assertThat(pipeline.kind()).isEqualTo("opportunities");
        assertThat(pipeline.profile()).isEqualTo("generic-opportunities");
        // README: 8,800 opportunities, every one loads.
        assertThat(pipeline.read()).isEqualTo(8800);
        assertThat(pipeline.loaded()).isEqualTo(8800);
        assertThat(rows.get("accounts.csv").kind()).isEqualTo("accounts");
        assertThat(rows.get("accounts.csv").loaded()).isEqualTo(85);
        assertThat(rows.get("sales_teams.csv").kind()).isEqualTo("reps");
        assertThat(rows.get("sales_teams.csv").loaded()).isEqualTo(35);
        LoadRun.FileRow products = rows.get("products.csv");
        assertThat(products.status()).isEqualTo("ignored");
        assertThat(products.skipped()).isEqualTo(7);
        assertThat(products.message()).contains("no profile matches its header (product, series, sales_price)");

        assertThat(LoadRun.query(db, "select opportunity_id, rep_name, account_name, stage, status, amount,"
                + " created_date, close_date from opportunities where opportunity_id = '1C1I7A6R'"))
                .containsExactly(List.of("1C1I7A6R", "Moses Frase", "Cancity", "Won", "won", "1054.00",
                        "2016-10-20", "2017-03-01"));
        assertThat(LoadRun.query(db, "select status, count(*) from opportunities group by status order by status"))
                .extracting(r -> r.get(0)).containsExactly("lost", "open", "won");
        assertThat(LoadRun.query(db, "select stage, is_won, is_lost from pipeline_stages order by stage_order"))
                .containsExactly(List.of("Prospecting", "false", "false"), List.of("Engaging", "false", "false"),
                        List.of("Won", "true", "false"), List.of("Lost", "false", "true"));
    }

    @Test
    void onlineRetailSampleLoadsRevenueLinesWithCreditsNetted() throws Exception {
        Path file = datasets().resolve("uci-online-retail-sample").resolve("online_retail_sample.xlsx");
        Assumptions.assumeTrue(Files.isRegularFile(file), "online_retail_sample.xlsx not present");
        Path db = tmp.resolve("retail.duckdb");
        LoadRun.run(db, List.of(file), Map.of());
        LoadRun.FileRow row = LoadRun.files(db).get("online_retail_sample.xlsx");
        assertThat(row.kind()).isEqualTo("revenue_lines");
        assertThat(row.format()).isEqualTo("xlsx");
        assertThat(row.headerRow()).isEqualTo(1);
        // README: 40,000 invoice lines.
        assertThat(row.read()).isEqualTo(40000);
        assertThat(row.loaded()).isEqualTo(40000);
        assertThat(row.minDate()).startsWith("2010-12");
        assertThat(row.maxDate()).startsWith("2011-12");
        assertThat(LoadRun.scalar(db, "select count(*) from revenue_lines where document_number like 'C%'"
                + " and (not is_credit or amount > 0)")).isEqualTo("0");
        assertThat(Long.parseLong(LoadRun.scalar(db,
                "select count(*) from revenue_lines where document_number like 'C%'"))).isPositive();
    }
}
