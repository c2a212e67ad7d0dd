package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.check.ReferenceResolver;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export shapes recognised without a hand-written profile, loaded through the real load step (bulk CSV and row
 * by row where both apply): HR employee lists as the roster, order-line sheets in a legacy .xls as revenue
 * lines, HubSpot contacts as leads, Salesforce's own won/closed flags, an export of won deals only.
 */
class ExportShapesIntegrationTests {

    @TempDir
    Path tmp;

    private Path db() {
        return tmp.resolve("ingest.duckdb");
    }

    private Path csv(String name, String... lines) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aFormattedSalesforceReportGivesEachDealTheOwnerOfItsMergedGroupCell() throws Exception {
        // Salesforce's "Opportunity Pipeline by Owner" saved to Excel: title rows, the owner written once in a cell
        // merged down the group's rows, a subtotal row per group, the grand total and the footer. As .xlsx (the
        // merges follow the rows in the sheet's XML) and as .xls.
        Object[][] rows = {
                {"Opportunity Pipeline by Owner"},
                {"Northwind Analytics, Inc."},
                null,
                {"Opportunity Owner", "Territory Region", "Account Name", "Opportunity Name", "Stage", "Total Amount"},
                {"Dana Reyes", "East", "Harbor Systems", "Harbor - Expansion", "Closed Won", 41800},
                {null, "East", "Meridian Capital", "Meridian - Services", "Closed Lost", 26750},
                {null, "East", "Granite Systems", "Granite - Platform", "Negotiation/Review", 75100},
                {null, "Total", null, null, null, 143650},
                {"Lee Park", "West", "Xenon Freight", "Xenon - Add-on", "Closed Won", 3650},
                {null, "West", "Cobalt Logistics", "Cobalt - Renewal", "Prospecting", 31750},
                {null, "Total", null, null, null, 35400},
                {"Total", null, null, null, null, 179050},
                null,
                {"Confidential Information - Do Not Distribute"}};
        for (org.apache.poi.ss.usermodel.Workbook wb : List.of(new org.apache.poi.xssf.usermodel.XSSFWorkbook(), new HSSFWorkbook())) {
            Workbooks.sheet(wb, "Report", rows);
            // sheet rows 5-8 and 9-11 (0-based 4-7 and 8-10): each owner's group, subtotal included
            wb.getSheetAt(0).addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(4, 7, 0, 0));
            wb.getSheetAt(0).addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(8, 10, 0, 0));
            // a title merged across the page is not a column's value
            wb.getSheetAt(0).addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 1, 0, 5));
            String name = "pipeline-by-owner." + (wb instanceof HSSFWorkbook ? "xls" : "xlsx");
            Path file = Workbooks.save(wb, tmp.resolve(name));
            Path db = tmp.resolve(name + ".duckdb");
            LoadRun.run(db, List.of(file), Map.of());
            LoadRun.FileRow row = LoadRun.files(db).get(name);
            assertThat(row.profile()).as(name).isEqualTo("salesforce-opportunities");
            assertThat(LoadRun.query(db, "select opportunity_name, rep_name from opportunities order by source_row"))
                    .as(name).containsExactly(List.of("Harbor - Expansion", "Dana Reyes"),
                            List.of("Meridian - Services", "Dana Reyes"), List.of("Granite - Platform", "Dana Reyes"),
                            List.of("Xenon - Add-on", "Lee Park"), List.of("Cobalt - Renewal", "Lee Park"));
            // 9 rows under the header (the blank one is not in the file): 5 deals; the 2 subtotals ("Total" in the
            // column after the owner, no deal name), the grand total and the footer skipped
            assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped())).as(name)
                    .containsExactly(9L, 5L, 0L, 4L);
        }
    }

    @Test
    void aSalesforceReportGroupedByStageGivesEachDealItsGroupsStage() throws Exception {
        // A report grouped by Stage writes the stage on a group's first row only (then "Subtotal"), or in a heading
        // line above the group ("Stage: Prospecting (2 records)", then "Sum of Total Amount"). Salesforce fills the
        // stage of every opportunity, so a blank one is the group's: Acme and Beta are prospecting, Gamma and Delta
        // won. Before, they loaded with no stage (the funnel's first stage held one deal of four).
        String header = "\"Stage\",\"Opportunity Owner\",\"Account Name\",\"Opportunity Name\",\"Total Amount\",\"Close Date\"";
        String acme = "\"Dana Reyes\",\"Acme\",\"Acme - Pilot\",\"1,000.00\",\"10/6/2026\"";
        String beta = "\"Lee Park\",\"Beta\",\"Beta - Platform\",\"2,000.00\",\"10/16/2026\"";
        String gamma = "\"Lee Park\",\"Gamma\",\"Gamma - Renewal\",\"5,000.00\",\"9/1/2026\"";
        String delta = "\"Dana Reyes\",\"Delta\",\"Delta - Add-on\",\"500.00\",\"9/15/2026\"";
        Path firstRow = csv("grouped.csv", header, "\"Prospecting\"," + acme, "\"\"," + beta,
                "\"Subtotal\",\"2 records\",\"\",\"\",\"3,000.00\",\"\"", "\"Closed Won\"," + gamma, "\"\"," + delta,
                "\"Subtotal\",\"2 records\",\"\",\"\",\"5,500.00\",\"\"", "\"Grand Totals (4 records)\"", "\"\"",
                "\"Opportunity Pipeline\"", "\"Confidential Information - Do Not Distribute\"");
        Path headings = csv("grouped-headings.csv", header, "\"Stage: Prospecting (2 records)\"", "\"\"," + acme,
                "\"\"," + beta, "\"Sum of Total Amount\",\"\",\"\",\"\",\"3,000.00\",\"\"", "\"Stage: Closed Won (2 records)\"",
                "\"\"," + gamma, "\"\"," + delta, "\"Sum of Total Amount\",\"\",\"\",\"\",\"5,500.00\",\"\"",
                "\"Grand Totals (4 records)\"");
        // 10 rows under the header: 4 deals; 2 subtotals, the grand total, a blank line and 2 footer lines skipped.
        // 9 with headings: 4 deals; 2 headings, 2 sums and the grand total skipped.
        Map<Path, List<Long>> accounting = Map.of(firstRow, List.of(10L, 4L, 0L, 6L), headings, List.of(9L, 4L, 0L, 5L));
        for (Path file : List.of(firstRow, headings)) {
            Path db = tmp.resolve(file.getFileName() + ".duckdb");
            LoadRun.run(db, List.of(file), Map.of());
            LoadRun.FileRow row = LoadRun.files(db).get(file.getFileName().toString());
            assertThat(row.profile()).isEqualTo("salesforce-opportunities");
            assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped())).as(file.toString())
                    .isEqualTo(accounting.get(file));
            assertThat(LoadRun.query(db, "select opportunity_name, stage, status from opportunities order by source_row"))
                    .as(file.toString()).containsExactly(List.of("Acme - Pilot", "Prospecting", "open"),
                            List.of("Beta - Platform", "Prospecting", "open"), List.of("Gamma - Renewal", "Closed Won", "won"),
                            List.of("Delta - Add-on", "Closed Won", "won"));
        }
    }

    @Test
    void hrEmployeeListKeepsSalesRolesAsTheRoster() throws Exception {
        Path hr = csv("employees.csv",
                "Employee #,Employee Name,Job Title,Department,Location,Hire Date,Termination Date,Employment Status,Reports To",
                "12,Dana Reyes,Account Executive,Sales,Boston,2025-03-03,,Full-Time,Lee Chan",
                "13,Sam Ortiz,Accountant,Finance,Boston,2024-05-01,,Full-Time,Ann Wu",
                "14,Lee Chan,VP Sales,Sales,Boston,2022-01-10,,Full-Time,",
                "15,Kim Ito,Business Development Rep,,Remote,2025-09-01,,Full-Time,Lee Chan",
                "16,Ola Berg,Engineer,Product,Oslo,2023-02-01,2025-06-30,Terminated,",
                "17,Max Roe,,,,2024-01-15,,Full-Time,");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("hr-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(hr), Map.of(), ProfileCatalog.builtIn(), bulk);
            LoadRun.FileRow file = LoadRun.files(db).get("employees.csv");
            assertThat(file.profile()).isEqualTo("hr-employees");
            // Kept: Sales department (Dana, Lee), no department but a BD title (Kim), neither (Max): 4 of 6.
            assertThat(List.of(file.read(), file.loaded(), file.rejected(), file.skipped())).containsExactly(6L, 4L, 0L, 2L);
            assertThat(LoadRun.query(db, "select rep_id, rep_name, role, hire_date, manager, region from reps order by rep_name"))
                    .containsExactly(
                            List.of("12", "Dana Reyes", "Account Executive", "2025-03-03", "Lee Chan", "Boston"),
                            List.of("15", "Kim Ito", "Business Development Rep", "2025-09-01", "Lee Chan", "Remote"),
                            List.of("14", "Lee Chan", "VP Sales", "2022-01-10", "null", "Boston"),
                            List.of("17", "Max Roe", "null", "2024-01-15", "null", "null"));
        }
    }

    @Test
    void hrListWithFirstAndLastNamesJoinsThem() throws Exception {
        Path hr = csv("staff.csv", "Employee ID,First Name,Last Name,Title,Department,Start Date",
                "E1,Dana,Reyes,Account Executive,Sales,2025-03-03", "E2,Sam,Ortiz,Accountant,Finance,2024-05-01");
        LoadRun.run(db(), List.of(hr), Map.of());
        assertThat(LoadRun.query(db(), "select rep_id, rep_name from reps")).containsExactly(List.of("E1", "Dana Reyes"));
    }

    @Test
    void orderLinesInALegacyXlsAreRevenueLines() throws Exception {
        Path xls = tmp.resolve("Sample - Superstore.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Workbooks.sheet(wb, "Orders", new Object[][]{
                    {"Row ID", "Order ID", "Order Date", "Ship Date", "Customer ID", "Customer Name", "Segment",
                            "Region", "Product ID", "Product Name", "Sales", "Quantity", "Discount", "Profit"},
                    {1, "CA-1", LocalDate.of(2016, 11, 8), LocalDate.of(2016, 11, 11), "CG-1", "Claire Gute", "Consumer",
                            "South", "P-1", "Bookcase", 261.96, 2, 0, 41.91},
                    {2, "CA-1", LocalDate.of(2016, 11, 8), LocalDate.of(2016, 11, 11), "CG-1", "Claire Gute", "Consumer",
                            "South", "P-2", "Chair", 731.94, 3, 0, 219.58},
                    {3, "CA-2", LocalDate.of(2016, 6, 12), LocalDate.of(2016, 6, 16), "DV-1", "Darrin Van Huff",
                            "Corporate", "West", "P-3", "Labels", 14.62, 2, 0, 6.87},
                    {4, "CA-3", LocalDate.of(2015, 10, 11), LocalDate.of(2015, 10, 18), "SO-1", "Sean O'Donnell",
                            "Consumer", "South", "P-4", "Table", 957.58, 5, 0.45, -383.03},
                    {5, "CA-3", LocalDate.of(2015, 10, 11), LocalDate.of(2015, 10, 18), "SO-1", "Sean O'Donnell",
                            "Consumer", "South", "P-5", "Storage", 22.37, 2, 0.2, 2.52},
                    {6, "CA-4", LocalDate.of(2014, 6, 9), LocalDate.of(2014, 6, 14), "CG-1", "Claire Gute",
                            "Consumer", "South", "P-6", "Furnishings", 48.86, 7, 0, 14.17}});
            Workbooks.sheet(wb, "Returns", new Object[][]{{"Returned", "Order ID"}, {"Yes", "CA-1"}});
            Workbooks.sheet(wb, "People", new Object[][]{{"Person", "Region"}, {"Anna Andreadi", "West"}});
            Workbooks.save(wb, xls);
        }
        LoadRun.run(db(), List.of(xls), Map.of());
        LoadRun.FileRow file = LoadRun.files(db()).get("Sample - Superstore.xls");
        assertThat(file.kind()).as(file.message()).isEqualTo("revenue_lines");
        assertThat(file.sheet()).isEqualTo("Orders");
        assertThat(List.of(file.read(), file.loaded(), file.rejected(), file.skipped())).containsExactly(6L, 6L, 0L, 0L);
        assertThat(LoadRun.query(db(), "select document_number, customer_name, line_date, amount, quantity, product"
                + " from revenue_lines order by source_row")).startsWith(
                List.of("CA-1", "Claire Gute", "2016-11-08", "261.96", "2.0000", "Bookcase"),
                List.of("CA-1", "Claire Gute", "2016-11-08", "731.94", "3.0000", "Chair"),
                List.of("CA-2", "Darrin Van Huff", "2016-06-12", "14.62", "2.0000", "Labels"));
        // Sales of the six lines: 261.96 + 731.94 + 14.62 + 957.58 + 22.37 + 48.86 = 2,037.33
        assertThat(LoadRun.scalar(db(), "select sum(amount) from revenue_lines")).isEqualTo("2037.33");
        assertThat(LoadRun.scalar(db(), "select count(*) from accounts")).isEqualTo("0");
    }

    @Test
    void hubspotContactsAreLeadsWithLifecycleDates() throws Exception {
        Path contacts = csv("contacts.csv",
                "\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Company Name\",\"Lifecycle Stage\",\"Lead Status\","
                        + "\"Original Source\",\"Create Date\",\"Became a Lead Date\",\"Became a Marketing Qualified Lead Date\","
                        + "\"Became a Sales Qualified Lead Date\",\"Became an Opportunity Date\",\"Became a Customer Date\"",
                "\"51\",\"Ann\",\"Lee\",\"ann@example.com\",\"Acme\",\"customer\",\"\",\"Organic Search\",\"2026-01-02 10:00\","
                        + "\"2026-01-02 10:00\",\"2026-01-10 10:00\",\"2026-01-20 10:00\",\"2026-02-01 10:00\",\"2026-03-01 10:00\"",
                "\"52\",\"Bo\",\"Ng\",\"bo@example.com\",\"Beta\",\"lead\",\"New\",\"Paid Search\",\"2026-01-03 11:00\","
                        + "\"\",\"\",\"\",\"\",\"\"",
                // never leads: a subscriber, a customer imported as one (only a customer date), an "other" contact
                "\"53\",\"Cy\",\"Ok\",\"cy@example.com\",\"\",\"subscriber\",\"\",\"Direct Traffic\",\"2026-01-04 09:00\","
                        + "\"\",\"\",\"\",\"\",\"\"",
                "\"54\",\"Di\",\"Po\",\"di@example.com\",\"Delta\",\"customer\",\"\",\"Offline Sources\",\"2026-01-05 09:00\","
                        + "\"\",\"\",\"\",\"\",\"2026-01-05 09:00\"",
                "\"55\",\"Ed\",\"Qi\",\"ed@example.com\",\"\",\"Other\",\"\",\"Offline Sources\",\"2026-01-06 09:00\","
                        + "\"\",\"\",\"\",\"\",\"\"",
                // created as an MQL (no lead date): it entered the funnel when created
                "\"56\",\"Fa\",\"Ro\",\"fa@example.com\",\"Echo\",\"Marketing Qualified Lead\",\"\",\"Referrals\",\"2026-01-07 09:00\","
                        + "\"\",\"2026-01-07 09:00\",\"\",\"\",\"\"");
        LoadRun.run(db(), List.of(contacts), Map.of());
        LoadRun.FileRow file = LoadRun.files(db()).get("contacts.csv");
        assertThat(file.profile()).isEqualTo("hubspot-contacts");
        assertThat(List.of(file.read(), file.loaded(), file.rejected(), file.skipped())).containsExactly(6L, 3L, 0L, 3L);
        assertThat(LoadRun.query(db(), "select lead_id, created_date, mql_date, sql_date, opportunity_date, customer_date,"
                + " status, source from leads order by lead_id")).containsExactly(
                List.of("51", "2026-01-02", "2026-01-10", "2026-01-20", "2026-02-01", "2026-03-01", "customer", "Organic Search"),
                // No lead date: the contact's create date is when it entered the funnel.
                List.of("52", "2026-01-03", "null", "null", "null", "null", "lead", "Paid Search"),
                List.of("56", "2026-01-07", "2026-01-07", "null", "null", "null", "Marketing Qualified Lead", "Referrals"));
    }

    @Test
    void salesforceFlagsDecideWonAndLostWhateverTheStagesAreCalled() throws Exception {
        Path opportunities = csv("Opportunity.csv",
                "Id,AccountId,Name,StageName,Amount,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate",
                "006A1,001A1,Acme,Signed,1000,2023-06-17,1,1,005U1,2023-01-22T16:14:25.000+0000",
                "006A2,001A1,Beta,Dead,500,2023-04-26,1,,005U1,2023-01-22T16:14:25.000+0000",
                "006A3,001A2,Gamma,Closed Won,700,2024-11-10,,,005U1,2023-01-22T16:14:25.000+0000",
                "006A4,001A2,Delta,Verbal,900,2024-11-10,false,false,005U1,2023-01-22T16:14:25.000+0000");
        Path accounts = csv("Account.csv", "Id,Name,Industry,BillingCountry", "001A1,Acme Corp,Finance,US",
                "001A2,Gamma Ltd,Retail,UK");
        Path users = csv("User.csv", "Id,Name,Username,Email,IsActive", "005U1,Dana Reyes,dana@x.com,dana@x.com,true");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("sf-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(opportunities, accounts, users), Map.of(), ProfileCatalog.builtIn(), bulk);
            try (var connection = io.revlens.model.Workspace.open(db)) {
                ReferenceResolver.resolve(connection);
            }
            // IsWon 1 -> won; IsClosed 1 without IsWon -> lost; IsClosed blank -> open even if the stage reads
            // "Closed Won" (the flags are the org's truth); false/false -> open.
            assertThat(LoadRun.query(db, "select opportunity_id, status, account_id, account_name, rep_id, rep_name"
                    + " from opportunities order by 1")).as("bulk " + bulk).containsExactly(
                    List.of("006A1", "won", "001A1", "Acme Corp", "005U1", "Dana Reyes"),
                    List.of("006A2", "lost", "001A1", "Acme Corp", "005U1", "Dana Reyes"),
                    List.of("006A3", "open", "001A2", "Gamma Ltd", "005U1", "Dana Reyes"),
                    List.of("006A4", "open", "001A2", "Gamma Ltd", "005U1", "Dana Reyes"));
        }
    }

    @Test
    void anExportOfWonDealsOnlyMarksEveryRowWon() throws Exception {
        Path deals = csv("olist_closed_deals_dataset.csv",
                "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type",
                "m1,s1,d1,r1,2018-02-26 19:58:54,pet,online_medium",
                "m2,s2,d1,r2,2018-05-08 20:17:59,car_accessories,industry");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("won-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(deals), Map.of(), ProfileCatalog.builtIn(), bulk);
            assertThat(LoadRun.query(db, "select opportunity_id, lead_id, account_name, rep_name, status, close_date,"
                    + " created_date, amount from opportunities order by 1")).containsExactly(
                    List.of("m1", "m1", "s1", "r1", "won", "2018-02-26", "null", "null"),
                    List.of("m2", "m2", "s2", "r2", "won", "2018-05-08", "null", "null"));
        }
    }

    @Test
    void salesforceHistoryObjectsAreTheDealsStageHistory() throws Exception {
        Path opportunities = csv("Opportunity.csv",
                "Id,Name,StageName,Amount,CloseDate,IsClosed,IsWon,CreatedDate",
                "006A1,Acme,Closed Won,1000,2024-03-01,1,1,2024-01-02T10:00:00.000+0000",
                "006A2,Beta,Negotiation,500,2024-06-30,,,2024-01-05T10:00:00.000+0000");
        Path history = csv("OpportunityHistory.csv",
                "Id,OpportunityId,StageName,Amount,CloseDate,Probability,ForecastCategory,CreatedDate",
                "008H1,006A1,Qualification,1000,2024-03-01,10,Pipeline,2024-01-02T10:00:00.000+0000",
                "008H2,006A1,Proposal/Quote,1000,2024-03-01,50,BestCase,2024-02-01T10:00:00.000+0000",
                // an amount change at the same stage: the stage was entered on 2024-02-01, not again
                "008H3,006A1,Proposal/Quote,1200,2024-03-01,50,BestCase,2024-02-10T10:00:00.000+0000",
                "008H4,006A1,Closed Won,1200,2024-03-01,100,Closed,2024-03-01T10:00:00.000+0000",
                "008H5,006A2,Discovery,500,2024-06-30,20,Pipeline,2024-01-05T10:00:00.000+0000");
        Path fieldHistory = csv("OpportunityFieldHistory.csv",
                "Id,OpportunityId,Field,OldValue,NewValue,CreatedDate",
                "017F1,006A2,StageName,Discovery,Negotiation,2024-02-20T10:00:00.000+0000",
                "017F2,006A2,Amount,400,500,2024-02-21T10:00:00.000+0000");
        LoadRun.run(db(), List.of(opportunities, history, fieldHistory), Map.of());
        Map<String, LoadRun.FileRow> files = LoadRun.files(db());
        assertThat(files.get("OpportunityHistory.csv").kind()).isEqualTo("stage_changes");
        assertThat(List.of(files.get("OpportunityFieldHistory.csv").loaded(), files.get("OpportunityFieldHistory.csv")
                .skipped())).as("the Amount change is skipped").containsExactly(1L, 1L);
        assertThat(LoadRun.query(db(), "select opportunity_id, stage, entered_date from opportunity_stage_history"
                + " order by opportunity_id, entered_date")).containsExactly(
                List.of("006A1", "Qualification", "2024-01-02"), List.of("006A1", "Proposal/Quote", "2024-02-01"),
                List.of("006A1", "Closed Won", "2024-03-01"), List.of("006A2", "Discovery", "2024-01-05"),
                List.of("006A2", "Negotiation", "2024-02-20"));
        assertThat(LoadRun.query(db(), "select stage from pipeline_stages order by stage_order, stage")).extracting(r -> r.get(0))
                .containsSubsequence("Qualification", "Discovery", "Proposal/Quote", "Negotiation");
    }

    @Test
    void aHistoryReportJoinsAnOpportunityReportWithoutIdsByTheDealsName() throws Exception {
        // Salesforce's default opportunity report has no Opportunity ID; its Opportunity History report has both the
        // id and the name. The changes join the deals by name where the name is one deal's; "Renewal" names two deals
        // and joins neither; 006Z9 names no loaded deal and is reported.
        Path report = csv("report.csv",
                "\"Opportunity Owner\",\"Opportunity Name\",\"Stage\",\"Amount\",\"Created Date\",\"Close Date\"",
                "\"Ann\",\"Acme - Pilot\",\"Closed Won\",\"1000\",\"1/2/2026\",\"3/1/2026\"",
                "\"Ann\",\"Renewal\",\"Prospecting\",\"500\",\"1/5/2026\",\"6/30/2026\"",
                "\"Bob\",\"Renewal\",\"Prospecting\",\"700\",\"1/6/2026\",\"6/30/2026\"");
        Path history = csv("history.csv",
                "\"Opportunity ID\",\"Opportunity Name\",\"From Stage\",\"To Stage\",\"Last Modified\"",
                "\"006A1\",\"Acme - Pilot\",\"\",\"Prospecting\",\"1/2/2026\"",
                "\"006A1\",\"Acme - Pilot\",\"Prospecting\",\"Proposal/Price Quote\",\"2/1/2026\"",
                "\"006A1\",\"Acme - Pilot\",\"Proposal/Price Quote\",\"Closed Won\",\"3/1/2026\"",
                "\"006A2\",\"Renewal\",\"\",\"Prospecting\",\"1/5/2026\"",
                "\"006Z9\",\"Gone Deal\",\"\",\"Prospecting\",\"1/7/2026\"");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("history-by-name-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(report, history), Map.of(), ProfileCatalog.builtIn(), bulk);
            assertThat(LoadRun.query(db, "select opportunity_id, stage, entered_date from opportunity_stage_history"
                    + " order by entered_date")).containsExactly(
                    List.of("Acme - Pilot", "Prospecting", "2026-01-02"),
                    List.of("Acme - Pilot", "Proposal/Price Quote", "2026-02-01"),
                    List.of("Acme - Pilot", "Closed Won", "2026-03-01"));
            // the changes of 006A2 (Renewal, two deals) and 006Z9 (no deal) join nothing: a finding, with their count
            try (var connection = io.revlens.model.Workspace.open(db)) {
                io.revlens.ingest.check.DataQualityProfiler.profile(connection);
            }
            assertThat(LoadRun.query(db, "select detail, affected_rows from data_quality_findings where table_name = 'stage_changes'"))
                    .containsExactly(List.of("stage changes that match no loaded deal by id, or by a name only one deal"
                            + " carries (2 deals, e.g. Gone Deal, Renewal): add the deals export, or its Opportunity ID column", "2"));
        }
    }

    @Test
    void theOrgsOwnStageLabelsAreOrderedByForecastCategoryThenProbability() throws Exception {
        // Labels with no pipeline words: alphabetically they would read Handshake, Kickoff, Sprint, Warmup.
        Path opportunities = csv("Opportunity.csv",
                "Id,Name,StageName,Amount,Probability,ForecastCategory,CloseDate,IsClosed,IsWon,CreatedDate",
                "006A1,A,Sprint,100,60,BestCase,2024-06-30,,,2024-01-02T10:00:00.000+0000",
                "006A2,B,Kickoff,100,20,Pipeline,2024-06-30,,,2024-01-02T10:00:00.000+0000",
                "006A3,C,Handshake,100,90,Commit,2024-06-30,,,2024-01-02T10:00:00.000+0000",
                "006A4,D,Warmup,100,5,Pipeline,2024-06-30,,,2024-01-02T10:00:00.000+0000",
                "006A5,E,Closed Won,100,100,Closed,2024-03-30,1,1,2024-01-02T10:00:00.000+0000");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("stages-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(opportunities), Map.of(), ProfileCatalog.builtIn(), bulk);
            // Pipeline (Warmup 5% before Kickoff 20%), Best Case, Commit, Closed.
            assertThat(LoadRun.query(db, "select stage from pipeline_stages order by stage_order")).extracting(r -> r.get(0))
                    .containsExactly("Warmup", "Kickoff", "Sprint", "Handshake", "Closed Won");
        }
    }

    @Test
    void aPipedriveDealKeepsTheStageItReachedWhenWonOrLost() throws Exception {
        // Pipedrive's status is its own column: a won or lost deal stays in its pipeline stage. Here the only deal in
        // Negotiations Started is won and the only one in Contact Made lost; neither stage is a closed one.
        String header = "\"Deal - ID\",\"Deal - Title\",\"Deal - Owner\",\"Deal - Value\",\"Deal - Stage\",\"Deal - Status\","
                + "\"Deal - Deal created\",\"Deal - Deal closed on\",\"Deal - Expected close date\"";
        Path deals = csv("deals.csv", header,
                "1,A,Ann Lee,1000,Negotiations Started,won,2026-01-05 10:00:00,2026-02-20 10:00:00,2026-02-28",
                "2,B,Ann Lee,2000,Proposal Made,won,2026-01-06 10:00:00,2026-03-01 10:00:00,2026-02-28",
                "3,C,Ann Lee,3000,Qualified,lost,2026-01-07 10:00:00,2026-02-10 10:00:00,2026-02-28",
                "4,D,Ann Lee,4000,Proposal Made,Lost,2026-01-08 10:00:00,2026-03-10 10:00:00,2026-02-28",
                "5,E,Ann Lee,5000,Demo Scheduled,open,2026-01-09 10:00:00,,2026-05-15",
                "6,F,Ann Lee,6000,Qualified,OPEN,2026-03-20 10:00:00,,2026-05-20",
                "7,G,Ann Lee,7000,Contact Made,lost,2026-01-10 10:00:00,2026-02-15 10:00:00,2026-02-28",
                // a deleted deal is no deal: skipped, not open pipeline
                "8,H,Ann Lee,8000,Qualified,deleted,2026-01-11 10:00:00,,2026-05-15");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("pipedrive-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(deals), Map.of(), ProfileCatalog.builtIn(), bulk);
            assertThat(LoadRun.query(db, "select stage, is_won, is_lost from pipeline_stages order by stage_order"))
                    .containsExactly(List.of("Qualified", "false", "false"), List.of("Contact Made", "false", "false"),
                            List.of("Demo Scheduled", "false", "false"), List.of("Proposal Made", "false", "false"),
                            List.of("Negotiations Started", "false", "false"));
            assertThat(LoadRun.query(db, "select status, count(*) from opportunities group by 1 order by 1"))
                    .containsExactly(List.of("lost", "3"), List.of("open", "2"), List.of("won", "2"));
            assertThat(LoadRun.files(db).get("deals.csv").skipped()).isEqualTo(1L);
        }
    }

    @Test
    void aHubSpotCustomPipelinesClosedStagesAreReadFromTheirProbability() throws Exception {
        // A custom pipeline's stages carry no word RevLens knows; HubSpot fixes a closed won stage at probability 1
        // and a closed lost one at 0, so Booked is won and Parked lost, Scoping and Paperwork open.
        Path deals = csv("deals.csv",
                "\"Record ID\",\"Deal Name\",\"Deal Stage\",\"Close Date\",\"Deal owner\",\"Amount\",\"Pipeline\",\"Create Date\",\"Deal probability\"",
                "\"1\",\"Won one\",\"Booked\",\"2026-09-10 10:00\",\"Ava\",\"10000\",\"Partner Pipeline\",\"2026-07-01 09:00\",\"1\"",
                "\"2\",\"Lost one\",\"Parked\",\"2026-09-12 10:00\",\"Ava\",\"20000\",\"Partner Pipeline\",\"2026-07-02 09:00\",\"0\"",
                "\"3\",\"Open one\",\"Scoping\",\"2026-11-30 00:00\",\"Ava\",\"30000\",\"Partner Pipeline\",\"2026-08-01 09:00\",\"0.2\"",
                "\"4\",\"Open two\",\"Paperwork\",\"2026-11-30 00:00\",\"Ava\",\"40000\",\"Partner Pipeline\",\"2026-08-05 09:00\",\"0.8\"");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("hubspot-custom-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(deals), Map.of(), ProfileCatalog.builtIn(), bulk);
            assertThat(LoadRun.query(db, "select opportunity_name, status from opportunities order by 1"))
                    .containsExactly(List.of("Lost one", "lost"), List.of("Open one", "open"), List.of("Open two", "open"),
                            List.of("Won one", "won"));
            assertThat(LoadRun.query(db, "select stage from pipeline_stages where not is_won and not is_lost order by stage_order"))
                    .extracting(r -> r.get(0)).containsExactly("Scoping", "Paperwork");
        }
    }

    @Test
    void aSalesforceReportsOwnStagesTakeTheirPlaceAndOutcomeFromTheForecastCategory() throws Exception {
        // A report has no IsWon/IsClosed flags. The org's Disqualified stage (Omitted at 0%) is closed lost, its On
        // Hold stage (Omitted at 10%) is open but left out of the forecast. Discovery (Pipeline 20%) comes before the
        // standard Proposal/Price Quote (Best Case 60%), Verbal Commit (Commit 90%) after Negotiation/Review (Commit 80%).
        Path report = csv("report.csv",
                "\"Opportunity Owner\",\"Opportunity Name\",\"Stage\",\"Forecast Category\",\"Probability (%)\",\"Amount\",\"Created Date\",\"Close Date\"",
                "\"Ann\",\"A\",\"Prospecting\",\"Pipeline\",\"10\",\"100\",\"1/2/2026\",\"6/30/2026\"",
                "\"Ann\",\"B\",\"Discovery\",\"Pipeline\",\"20\",\"100\",\"1/2/2026\",\"6/30/2026\"",
                "\"Ann\",\"C\",\"Proposal/Price Quote\",\"Best Case\",\"60\",\"100\",\"1/2/2026\",\"6/30/2026\"",
                "\"Ann\",\"D\",\"Negotiation/Review\",\"Commit\",\"80\",\"100\",\"1/2/2026\",\"6/30/2026\"",
                "\"Ann\",\"E\",\"Verbal Commit\",\"Commit\",\"90\",\"100\",\"1/2/2026\",\"6/30/2026\"",
                "\"Ann\",\"F\",\"Closed Won\",\"Closed\",\"100\",\"100\",\"1/2/2026\",\"2/27/2026\"",
                "\"Ann\",\"G\",\"Closed Lost\",\"Omitted\",\"0\",\"100\",\"1/2/2026\",\"2/27/2026\"",
                "\"Ann\",\"H\",\"Disqualified\",\"Omitted\",\"0\",\"100\",\"1/2/2026\",\"2/27/2026\"",
                "\"Ann\",\"I\",\"On Hold\",\"Omitted\",\"10\",\"100\",\"1/2/2026\",\"6/30/2026\"");
        for (boolean bulk : List.of(true, false)) {
            Path db = tmp.resolve("sf-report-" + bulk + ".duckdb");
            LoadRun.run(db, List.of(report), Map.of(), ProfileCatalog.builtIn(), bulk);
            assertThat(LoadRun.query(db, "select opportunity_name, status from opportunities order by 1"))
                    .containsExactly(List.of("A", "open"), List.of("B", "open"), List.of("C", "open"), List.of("D", "open"),
                            List.of("E", "open"), List.of("F", "won"), List.of("G", "lost"), List.of("H", "lost"),
                            List.of("I", "open"));
            assertThat(LoadRun.query(db, "select stage from pipeline_stages where not is_won and not is_lost order by stage_order"))
                    .extracting(r -> r.get(0))
                    .containsExactly("Prospecting", "Discovery", "Proposal/Price Quote", "Negotiation/Review", "Verbal Commit",
                            "On Hold");
            assertThat(LoadRun.query(db, "select stage from pipeline_stages where is_lost order by stage")).extracting(r -> r.get(0))
                    .containsExactly("Closed Lost", "Disqualified");
        }
    }

    @Test
    void aDatabaseWhoseStageHistoryViewPredatesStageChangesIsMigratedOnOpen() throws Exception {
        try (var connection = io.revlens.model.Workspace.open(db()); var statement = connection.createStatement()) {
            statement.execute("create or replace view stage_history_by_row as select e.source_file_id, e.source_row,"
                    + " s.stage, e.entered_date from stage_entries e join source_file_stages s"
                    + " on s.source_file_id = e.source_file_id and s.stage_index = e.stage_index");
            statement.execute("drop table schema_applied"); // written before the schema version was recorded
        }
        try (var connection = io.revlens.model.Workspace.open(db()); var statement = connection.createStatement();
             var rs = statement.executeQuery("select sql from duckdb_views() where view_name = 'stage_history_by_row'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("stage_changes");
        }
    }
}
