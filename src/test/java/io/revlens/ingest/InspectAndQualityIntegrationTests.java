package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.check.DataQualityProfiler;
import io.revlens.model.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ExportInspector} output without loading, and {@link DataQualityProfiler} on loaded fixtures. */
class InspectAndQualityIntegrationTests {

    @TempDir
    Path tmp;

    @Test
    void inspectDescribesDetectionMappingAndSampleValuesWithoutLoading() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("dump"));
        Files.copy(ExportProfilesIntegrationTests.fixture("hubspot-deals.csv"), folder.resolve("hubspot-deals.csv"));
        Workbooks.quickBooksSalesByCustomerDetail(folder.resolve("qb.xlsx"));
        Files.writeString(folder.resolve("notes.csv"), "foo,bar\n1,2\n");

        String text = new ExportInspector(ProfileCatalog.builtIn(), Map.of()).inspectFolder(folder);

        assertThat(text).contains("3 export files in " + folder);
        assertThat(text).contains("hubspot-deals.csv\n  format:    csv\n  encoding:  UTF-8\n  delimiter: ,\n"
                + "  header row:1\n  status:    would load\n  profile:   hubspot-deals -> opportunities\n");
        assertThat(text).contains("    amount <- Amount\n");
        assertThat(text).contains("    stage history 'Proposal' <- Date entered \"Proposal (Sales Pipeline)\"\n");
        assertThat(text).contains("    row 2: opportunity_id=1001, opportunity_name=Acme HT-500, account_name=Acme Metals,"
                + " rep_name=Dana Reyes, stage=Closed Won, amount=12500.00, currency=USD, created_date=2026-01-05,"
                + " close_date=2026-03-10, status=won");
        assertThat(text).contains("  sheet:     Sales by Customer Detail\n  header row:5\n");
        assertThat(text).contains("    row 7: document_number=1001, customer_name=Acme Metals, line_date=2026-01-15,"
                + " amount=12500.00, quantity=2.0000, product=HT-500, is_credit=false");
        assertThat(text).contains("notes.csv\n  format:    csv\n");
        assertThat(text).contains("  status:    ignored\n  note:      notes.csv is not recognised as a known export: no profile matches its header (foo, bar)");
        assertThat(Files.list(folder).map(p -> p.getFileName().toString()))
                .as("inspect writes nothing").containsExactlyInAnyOrder("hubspot-deals.csv", "qb.xlsx", "notes.csv");
    }

    @Test
    void qualityProfileReportsNullRatesDuplicatesOrphansAndMixedCurrencies() throws Exception {
        Path db = tmp.resolve("q.duckdb");
        Path deals = tmp.resolve("deals.csv");
        Files.writeString(deals, "opportunity_id,stage,amount,account,sales_agent,created_date\n"
                + "1,Won,USD 10,Acme,Dana,2026-01-01\n1,Lost,EUR 20,Ghost Co,Nobody,2026-02-01\n"
                + "2,Engaging,30,,Dana,2026-03-01\n");
        LoadRun.run(db, List.of(deals, ExportProfilesIntegrationTests.fixture("hubspot-companies.csv"),
                ExportProfilesIntegrationTests.fixture("sales-team.csv")), Map.of());
        try (Connection c = Workspace.open(db)) {
            DataQualityProfiler.profile(c);
        }
        // account_name: 1 of 3 opportunities blank -> 0.3333
        assertThat(LoadRun.query(db, "select row_count, null_count, null_rate from data_quality_columns"
                + " where table_name = 'opportunities' and column_name = 'account_name'"))
                .containsExactly(List.of("3", "1", "0.3333"));
        assertThat(LoadRun.query(db, "select table_name, finding, detail, affected_rows from data_quality_findings"
                + " order by table_name, finding, detail")).containsExactly(
                List.of("opportunities", "date range", "created 2026-01-01 .. 2026-03-01; closed (won/lost) - .. -", "3"),
                List.of("opportunities", "duplicate keys", "opportunity_id appears more than once", "1"),
                List.of("opportunities", "missing account", "no account on the opportunity", "1"),
                List.of("opportunities", "mixed currencies", "currencies found: EUR, USD", "2"),
                // Acme and Ghost Co are not among the companies (Acme Metals, Beta Tools); Dana and Nobody not among reps
                List.of("opportunities", "orphan reference", "account not in the accounts table: Acme, Ghost Co", "2"),
                List.of("opportunities", "orphan reference", "owner not in the reps table: Dana, Nobody", "3"));
    }
}
