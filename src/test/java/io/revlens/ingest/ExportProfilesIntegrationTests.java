package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.read.ValueCoercer;
import io.revlens.ingest.read.InputScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each built-in profile on an export-shaped fixture (expected values: src/test/resources/ingest/expected.md). */
class ExportProfilesIntegrationTests {

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        return Path.of("src", "test", "resources", "ingest", name);
    }

    private Path db() {
        return tmp.resolve("ingest.duckdb");
    }

    @Test
    void hubspotDealsWithStageHistoryAndOneRejectedAmount() throws Exception {
        LoadRun.run(db(), List.of(fixture("hubspot-deals.csv")), Map.of());
        LoadRun.FileRow file = LoadRun.files(db()).get("hubspot-deals.csv");
        assertThat(file.profile()).isEqualTo("hubspot-deals");
        assertThat(List.of(file.read(), file.loaded(), file.rejected(), file.skipped())).containsExactly(4L, 3L, 1L, 0L);
        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.delimiter()).isEqualTo(",");
        assertThat(LoadRun.query(db(), "select row_number, column_name, raw_value, reason from rejects"))
                .containsExactly(List.of("5", "Amount", "12,5x", ValueCoercer.NOT_A_NUMBER));
        assertThat(LoadRun.query(db(), "select opportunity_id, status, opportunity_type, amount, created_date,"
                + " close_date, rep_name, account_name, currency, source_row from opportunities order by 1"))
                .containsExactly(
                        List.of("1001", "won", "new", "12500.00", "2026-01-05", "2026-03-10", "Dana Reyes", "Acme Metals", "USD", "2"),
                        List.of("1002", "lost", "expansion", "48000.00", "2026-02-01", "2026-04-15", "Lee Park", "Beta Tools", "USD", "3"),
                        List.of("1003", "open", "renewal", "9000.00", "2026-09-01", "2026-11-30", "Dana Reyes", "Gamma Labs", "USD", "4"));
        assertThat(LoadRun.scalar(db(), "select count(*) from opportunity_stage_history")).isEqualTo("11");
        assertThat(LoadRun.query(db(), "select stage, entered_date from opportunity_stage_history"
                + " where opportunity_id = '1002' order by entered_date")).containsExactly(
                List.of("Qualified", "2026-02-01"), List.of("Proposal", "2026-03-01"), List.of("Closed Lost", "2026-04-15"));
        assertThat(LoadRun.query(db(), "select stage, is_won, is_lost from pipeline_stages order by stage_order"))
                .containsExactly(List.of("Qualified", "false", "false"), List.of("Discovery", "false", "false"),
                        List.of("Proposal", "false", "false"), List.of("Negotiation", "false", "false"),
                        List.of("Closed Won", "true", "false"), List.of("Closed Lost", "false", "true"));
    }

    @Test
    void aDatabaseWithTheEarlierStageHistoryTableKeepsItsHistory() throws Exception {
        LoadRun.run(db(), List.of(fixture("hubspot-deals.csv")), Map.of());
        String history = "select opportunity_id, stage, entered_date, source_file_id, source_row"
                + " from opportunity_stage_history order by all";
        List<List<String>> before = LoadRun.query(db(), history);
        assertThat(before).hasSize(11);
        // The layout before stage history was stored by lineage: one table with the id and stage name on each entry.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db());
             java.sql.Statement s = c.createStatement()) {
            s.execute("create table earlier as select * from opportunity_stage_history");
            s.execute("drop view opportunity_stage_history");
            s.execute("drop table stage_entries");
            s.execute("drop table source_file_stages");
            s.execute("alter table earlier rename to opportunity_stage_history");
            s.execute("drop table schema_applied"); // written before the schema version was recorded
        }
        assertThat(LoadRun.query(db(), history)).isEqualTo(before);
        assertThat(LoadRun.query(db(), "select table_name, table_type from information_schema.tables"
                + " where table_name like '%stage%' order by 1")).containsExactly(
                List.of("file_pipeline_stages", "BASE TABLE"), List.of("opportunity_stage_history", "VIEW"), List.of("pipeline_stages", "BASE TABLE"),
                List.of("source_file_stages", "BASE TABLE"), List.of("stage_changes", "BASE TABLE"),
                List.of("stage_entries", "BASE TABLE"),
                List.of("stage_history_by_row", "VIEW"));
        // Re-ingesting the file replaces the migrated entries.
        LoadRun.run(db(), List.of(fixture("hubspot-deals.csv")), Map.of());
        assertThat(LoadRun.query(db(), "select opportunity_id, stage, entered_date from opportunity_stage_history order by all"))
                .isEqualTo(before.stream().map(row -> row.subList(0, 3)).toList());
        assertThat(LoadRun.scalar(db(), "select count(*) from stage_entries")).isEqualTo("11");
    }

    @Test
    void hubspotCompaniesBecomeAccounts() throws Exception {
        LoadRun.run(db(), List.of(fixture("hubspot-companies.csv")), Map.of());
        assertThat(LoadRun.files(db()).get("hubspot-companies.csv").loaded()).isEqualTo(2);
        assertThat(LoadRun.query(db(), "select account_id, account_name, industry, country, employees,"
                + " annual_revenue, segment from accounts order by 1")).containsExactly(
                List.of("501", "Acme Metals", "Manufacturing", "United States", "250", "42000000.00", "Mid-Market"),
                List.of("502", "Beta Tools", "Aerospace", "Canada", "1200", "310000000.50", "Enterprise"));
    }

    @Test
    void salesforceReportSkipsBlankAndFooterLines() throws Exception {
        LoadRun.run(db(), List.of(fixture("salesforce-opportunities.csv")), Map.of());
        LoadRun.FileRow file = LoadRun.files(db()).get("salesforce-opportunities.csv");
        assertThat(file.profile()).isEqualTo("salesforce-opportunities");
        assertThat(List.of(file.read(), file.loaded(), file.rejected(), file.skipped())).containsExactly(6L, 2L, 0L, 4L);
        assertThat(LoadRun.query(db(), "select opportunity_id, amount, created_date, close_date, status,"
                + " opportunity_type, source from opportunities order by 1")).containsExactly(
                List.of("Acme - HT-500", "12500.00", "2026-01-05", "2026-03-10", "won", "new", "Web"),
                List.of("Beta - CMM", "48000.00", "2026-02-01", "2026-04-30", "open", "expansion", "Partner"));
    }

    @Test
    void pipedriveStatusAndCloseDateFallbacks() throws Exception {
        LoadRun.run(db(), List.of(fixture("pipedrive-deals.csv")), Map.of());
        assertThat(LoadRun.files(db()).get("pipedrive-deals.csv").profile()).isEqualTo("pipedrive-deals");
        assertThat(LoadRun.query(db(), "select opportunity_id, status, close_date, currency, lost_reason"
                + " from opportunities order by 1")).containsExactly(
                List.of("17", "won", "2026-02-01", "EUR", "null"),
                List.of("18", "lost", "2026-03-01", "EUR", "Too expensive"),
                List.of("19", "open", "2026-05-31", "EUR", "null"));
    }

    @Test
    void quickBooksReportWithTitleRowsGroupHeadingsAndTotals() throws Exception {
        Path file = Workbooks.quickBooksSalesByCustomerDetail(tmp.resolve("quickbooks-sales-by-customer-detail.xlsx"));
        LoadRun.run(db(), List.of(file), Map.of());
        LoadRun.FileRow row = LoadRun.files(db()).get("quickbooks-sales-by-customer-detail.xlsx");
        assertThat(row.profile()).isEqualTo("quickbooks-sales-by-customer-detail");
        assertThat(row.headerRow()).isEqualTo(5);
        assertThat(row.sheet()).isEqualTo("Sales by Customer Detail");
        assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped())).containsExactly(9L, 3L, 0L, 6L);
        assertThat(LoadRun.query(db(), "select document_number, customer_name, line_date, amount, quantity,"
                + " is_credit, source_row from revenue_lines order by source_row")).containsExactly(
                List.of("1001", "Acme Metals", "2026-01-15", "12500.00", "2.0000", "false", "7"),
                List.of("CM-7", "Acme Metals", "2026-02-03", "-500.00", "-1.0000", "true", "8"),
                List.of("1002", "Beta Tools", "2026-03-01", "48000.00", "1.0000", "false", "11"));
        assertThat(LoadRun.scalar(db(), "select sum(amount) from revenue_lines")).isEqualTo("60000.00");
    }

    @Test
    void quickBooksDesktopReportWithDataInEveryOtherColumn() throws Exception {
        Path file = Workbooks.quickBooksDesktopSalesByCustomerDetail(tmp.resolve("Sales by Customer Detail.xlsx"));
        LoadRun.run(db(), List.of(file), Map.of());
        LoadRun.FileRow row = LoadRun.files(db()).get("Sales by Customer Detail.xlsx");
        assertThat(row.profile()).isEqualTo("quickbooks-desktop-sales-by-customer-detail");
        assertThat(row.headerRow()).isEqualTo(4);
        // 10 rows under the header: 3 lines loaded; 2 customer headings, an indented sub-customer heading, 3
        // subtotals and TOTAL skipped
        assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped())).containsExactly(10L, 3L, 0L, 7L);
        assertThat(LoadRun.query(db(), "select document_number, customer_name, line_date, amount, is_credit"
                + " from revenue_lines order by source_row")).containsExactly(
                List.of("5001", "Total Wine & More", "2025-03-05", "1000.00", "false"),
                List.of("CM-2", "Total Wine & More", "2025-04-01", "-200.00", "true"),
                // the Name column's "Zeta Corp:Plant 2" is the sub-customer Plant 2 of Zeta Corp, which it counts to
                List.of("5004", "Zeta Corp", "2026-06-01", "2000.00", "false"));
    }

    @Test
    void xeroInvoiceLinesNetCreditNotesAndSkipOverpayments() throws Exception {
        Path file = Workbooks.xeroInvoiceLines(tmp.resolve("invoice-lines.xlsx"));
        LoadRun.run(db(), List.of(file), Map.of());
        LoadRun.FileRow row = LoadRun.files(db()).get("invoice-lines.xlsx");
        assertThat(row.profile()).isEqualTo("xero-invoices");
        assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped())).containsExactly(4L, 3L, 0L, 1L);
        assertThat(LoadRun.query(db(), "select document_number, amount, is_credit, product from revenue_lines"
                + " order by source_row")).containsExactly(
                List.of("INV-1", "200.00", "false", "HT-500 Hardness Tester"),
                List.of("CN-1", "-100.00", "true", "HT-500 Hardness Tester"),
                List.of("INV-2", "150.00", "false", "Spare Parts & Tooling"));
        assertThat(row.minDate()).isEqualTo("2026-01-10");
        assertThat(row.maxDate()).isEqualTo("2026-02-05");
    }

    @Test
    void repsRoster() throws Exception {
        LoadRun.run(db(), List.of(fixture("sales-team.csv")), Map.of());
        assertThat(LoadRun.files(db()).get("sales-team.csv").profile()).isEqualTo("reps-roster");
        assertThat(LoadRun.query(db(), "select rep_id, rep_name, role, hire_date, end_date, manager, region,"
                + " quarterly_quota from reps order by source_row")).containsExactly(
                List.of("dana@calibra.example", "Dana Reyes", "Account Executive", "2024-03-04", "null", "Morgan Hale", "East", "450000.00"),
                List.of("lee@calibra.example", "Lee Park", "Senior Account Executive", "2023-11-13", "2026-06-30", "Morgan Hale", "West", "500000.00"),
                List.of("sam@calibra.example", "Sam New", "Account Executive", "2026-06-22", "null", "Morgan Hale", "East", "450000.00"));
    }

    @Test
    void genericProfileMapsBySynonyms() throws Exception {
        LoadRun.run(db(), List.of(fixture("crm-opportunities-generic.csv")), Map.of());
        LoadRun.FileRow row = LoadRun.files(db()).get("crm-opportunities-generic.csv");
        assertThat(row.profile()).isEqualTo("generic-opportunities");
        assertThat(row.kind()).isEqualTo("opportunities");
        assertThat(LoadRun.query(db(), "select opportunity_id, rep_name, account_name, stage, status, amount,"
                + " created_date, close_date, product from opportunities order by 1")).containsExactly(
                List.of("A1", "Moses Frase", "Cancity", "Won", "won", "1054.00", "2016-10-20", "2017-03-01", "GTX Basic"),
                List.of("A2", "Darcel Schlecht", "null", "Engaging", "open", "null", "2016-10-25", "null", "GTX Pro"),
                List.of("A3", "Moses Frase", "Isdom", "Lost", "lost", "0.00", "2016-11-02", "2017-01-15", "MG Special"));
    }

    @Test
    void userProfileFromAFolderNeedsNoCode() throws Exception {
        ProfileCatalog catalog = ProfileCatalog.load(fixture("profiles"));
        LoadRun.run(db(), List.of(fixture("acme-crm-export.csv")), Map.of(), catalog);
        LoadRun.FileRow row = LoadRun.files(db()).get("acme-crm-export.csv");
        assertThat(row.profile()).isEqualTo("acme-crm");
        assertThat(LoadRun.query(db(), "select opportunity_id, status, amount, currency, close_date"
                + " from opportunities order by 1")).containsExactly(
                List.of("D-1", "won", "1200.00", "GBP", "2026-03-05"),
                List.of("D-2", "open", "800.00", "GBP", "2026-03-06"));
    }

    @Test
    void overrideForcesAProfileByFileName() throws Exception {
        // The generic fixture forced to the reps roster maps nothing required -> every row rejected, none lost.
        LoadRun.run(db(), List.of(fixture("crm-opportunities-generic.csv")),
                Map.of("crm-*.csv", "reps-roster"));
        LoadRun.FileRow row = LoadRun.files(db()).get("crm-opportunities-generic.csv");
        assertThat(row.profile()).isEqualTo("reps-roster");
        assertThat(List.of(row.read(), row.loaded(), row.rejected())).containsExactly(3L, 0L, 3L);
        assertThat(LoadRun.query(db(), "select distinct column_name, reason from rejects"))
                .containsExactly(List.of("rep_name", "missing required value (rep_name)"));
    }

    @Test
    void reIngestingTheSameFileReplacesItsRows() throws Exception {
        LoadRun.run(db(), List.of(fixture("hubspot-deals.csv")), Map.of());
        LoadRun.run(db(), List.of(fixture("hubspot-deals.csv")), Map.of());
        assertThat(LoadRun.files(db())).hasSize(1);
        assertThat(LoadRun.scalar(db(), "select count(*) from opportunities")).isEqualTo("3");
        assertThat(LoadRun.scalar(db(), "select count(*) from opportunity_stage_history")).isEqualTo("11");
        assertThat(LoadRun.scalar(db(), "select count(*) from rejects")).isEqualTo("1");
    }

    @Test
    void mixedFolderOfHubspotDealsQuickBooksReportAndRepsSheetLoadsAllThree() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("client-dump"));
        Files.copy(fixture("hubspot-deals.csv"), folder.resolve("hubspot-deals.csv"));
        Files.copy(fixture("sales-team.csv"), folder.resolve("sales-team.csv"));
        Workbooks.quickBooksSalesByCustomerDetail(folder.resolve("QB sales detail.xlsx"));
        Files.writeString(folder.resolve(".DS_Store"), "ignored");
        List<Path> files = InputScanner.scan(folder);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("QB sales detail.xlsx", "hubspot-deals.csv", "sales-team.csv");
        LoadRun.run(db(), files, Map.of());
        Map<String, LoadRun.FileRow> rows = LoadRun.files(db());
        assertThat(rows.values()).extracting(LoadRun.FileRow::status).containsOnly("loaded");
        assertThat(rows.get("QB sales detail.xlsx").kind()).isEqualTo("revenue_lines");
        assertThat(rows.get("hubspot-deals.csv").kind()).isEqualTo("opportunities");
        assertThat(rows.get("sales-team.csv").kind()).isEqualTo("reps");
        assertThat(LoadRun.query(db(), "select (select count(*) from opportunities), (select count(*) from reps),"
                + " (select sum(amount) from revenue_lines)")).containsExactly(List.of("3", "3", "60000.00"));
        // Each file's SHA-256 (hashed on the reader's scan thread) is that of its bytes, whichever way it loaded.
        java.util.HexFormat hex = java.util.HexFormat.of();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        List<List<String>> expected = new java.util.ArrayList<>();
        for (Path file : files) {
            expected.add(List.of(file.getFileName().toString(), hex.formatHex(sha.digest(Files.readAllBytes(file))),
                    file.toString().endsWith(".csv") ? "bulk" : "rows"));
        }
        assertThat(LoadRun.query(db(), "select regexp_extract(path, '[^/]+$'), sha256, load_method from source_files order by path"))
                .isEqualTo(expected);
    }
}
