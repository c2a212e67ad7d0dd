package io.revlens.ingest;

import io.revlens.ingest.read.InputScanner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bundled profile on an export-shaped fixture, a mixed client folder, and the public UCI retail workbook. */
class ProfilesIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void pipedriveDealsWithExplicitStatus() throws Exception {
        Path file = write("pipedrive.csv", """
                Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency of Value,Deal - Organization,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Deal closed on,Deal - Lost reason
                7,Lathe retrofit,Ann Lee,"12,500",EUR,Kraft GmbH,Proposal Made,won,2026-02-01 10:00:00,2026-03-15 16:30:00,
                8,Gauges,Ann Lee,900,EUR,Kraft GmbH,Qualified,lost,2026-02-03 09:00:00,2026-02-20 12:00:00,Price
                9,Fixtures,Bo Chen,4000,EUR,Acme,Contact Made,open,2026-03-01 08:00:00,,
                """);
        Path db = load(file);
        assertThat(IngestRun.files(db).get("pipedrive.csv").profile()).isEqualTo("pipedrive-deals");
        assertThat(IngestRun.query(db, "select opportunity_id, status, amount, currency, close_date, lost_reason from opportunities order by opportunity_id"))
                .containsExactly(
                        Arrays.asList("7", "won", new BigDecimal("12500.00"), "EUR", LocalDate.of(2026, 3, 15), null),
                        Arrays.asList("8", "lost", new BigDecimal("900.00"), "EUR", LocalDate.of(2026, 2, 20), "Price"),
                        Arrays.asList("9", "open", new BigDecimal("4000.00"), "EUR", null, null));
    }

    @Test
    void hubspotDealsBecomeOpportunitiesWithStageHistory() throws Exception {
        String header = "\"Record ID\",\"Deal Name\",\"Associated Company\",\"Deal owner\",\"Deal Stage\",\"Amount\",\"Create Date\",\"Close Date\",\"Deal Type\","
                + "\"Date entered \"\"Qualified (Sales Pipeline)\"\"\",\"Date entered \"\"Proposal (Sales Pipeline)\"\"\",\"Date entered \"\"Closed Won (Sales Pipeline)\"\"\"";
        String line = "\"101\",\"Big order\",\"Acme\",\"Ann Lee\",\"Closed Won\",\"5000\",\"2026-01-02 09:15\",\"2026-02-10 17:00\",\"New Business\","
                + "\"2026-01-02 09:15\",\"2026-01-20 10:00\",\"2026-02-10 16:00\"";
        Path file = write("deals.csv", header + "\n" + line + "\n");
        Path db = load(file);
        assertThat(IngestRun.query(db, "select status, opportunity_type, created_date from opportunities"))
                .containsExactly(Arrays.asList("won", "new", LocalDate.of(2026, 1, 2)));
        assertThat(IngestRun.query(db, "select stage, entered_date from opportunity_stage_history order by entered_date"))
                .containsExactly(Arrays.asList("Qualified", LocalDate.of(2026, 1, 2)), Arrays.asList("Proposal", LocalDate.of(2026, 1, 20)),
                        Arrays.asList("Closed Won", LocalDate.of(2026, 2, 10)));
        assertThat(IngestRun.query(db, "select stage, stage_order, is_won from pipeline_stages order by stage_order, stage"))
                .containsExactly(Arrays.asList("Qualified", 1, false), Arrays.asList("Proposal", 2, false), Arrays.asList("Closed Won", 3, true));
    }

    @Test
    void quickbooksSalesByCustomerDetailCarriesTheCustomerFromItsGroupRow() throws Exception {
        Path db = load(quickbooks(temp.resolve("sales-by-customer.xlsx")));
        IngestRun.FileRow row = IngestRun.files(db).get("sales-by-customer.xlsx");
        assertThat(row.profile()).isEqualTo("quickbooks-sales-by-customer-detail");
        assertThat(row.headerRow()).isEqualTo(5);
        // 8 rows after the header: 2 customer rows and 3 total/footer rows skipped, 3 lines loaded.
        assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped())).containsExactly(8L, 3L, 0L, 5L);
        assertThat(IngestRun.query(db, "select customer_name, document_number, amount, is_credit from revenue_lines order by source_row"))
                .containsExactly(
                        Arrays.asList("Acme Labs", "1001", new BigDecimal("1200.00"), false),
                        Arrays.asList("Acme Labs", "CM-7", new BigDecimal("-200.00"), true),
                        Arrays.asList("Brio Metals", "1002", new BigDecimal("300.00"), false));
    }

    @Test
    void aMixedClientFolderLoadsEveryExportIntoItsTable() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client"));
        Files.copy(Path.of("sample-data/hubspot-deals.csv"), folder.resolve("hubspot-deals.csv"));
        Files.copy(Path.of("sample-data/sales-team.csv"), folder.resolve("reps.csv"));
        quickbooks(folder.resolve("quickbooks.xlsx"));
        Path db = temp.resolve("mixed.duckdb");

        IngestRun.load(db, InputScanner.scan(folder), Map.of());

        Map<String, IngestRun.FileRow> files = IngestRun.files(db);
        assertThat(files.get("hubspot-deals.csv").kind()).isEqualTo("opportunities");
        assertThat(files.get("reps.csv").kind()).isEqualTo("reps");
        assertThat(files.get("quickbooks.xlsx").kind()).isEqualTo("revenue_lines");
        long deals = Files.readAllLines(folder.resolve("hubspot-deals.csv")).size() - 1;
        assertThat(IngestRun.query(db, "select count(*) from opportunities").get(0).get(0)).isEqualTo(deals);
        assertThat(IngestRun.query(db, "select count(*) from reps where hire_date is not null").get(0).get(0)).isEqualTo(12L);
        assertThat(IngestRun.query(db, "select count(*) from revenue_lines").get(0).get(0)).isEqualTo(3L);
    }

    @Test
    void reingestingTheSameFileReplacesItsRows() throws Exception {
        Path file = write("lines.csv", "invoice,customer,date,amount\n1,A,2026-01-05,10\n2,A,2026-01-06,x\n");
        Path db = temp.resolve("again.duckdb");
        IngestRun.load(db, List.of(file), Map.of());
        IngestRun.load(db, List.of(file), Map.of());
        assertThat(IngestRun.query(db, "select count(*) from revenue_lines").get(0).get(0)).isEqualTo(1L);
        assertThat(IngestRun.query(db, "select count(*) from rejects").get(0).get(0)).isEqualTo(1L);
        assertThat(IngestRun.query(db, "select count(*) from source_files").get(0).get(0)).isEqualTo(1L);
    }

    @Test
    void aProfileNamedInTheJobFileOverridesDetection() throws Exception {
        Path file = write("people.csv", "Name,Manager,Hire Date\nAnn,Tom,2026-01-05\n");
        Path db = temp.resolve("override.duckdb");
        IngestRun.load(db, List.of(file), Map.of("people.csv", "generic-reps"));
        assertThat(IngestRun.files(db).get("people.csv").profile()).isEqualTo("generic-reps");
    }

    @Test
    void theUciRetailWorkbookLoadsAsNettedRevenueLines() throws Exception {
        Path workbook = Path.of(System.getProperty("revlens.datasets", "../shared/datasets"), "uci-online-retail-sample", "online_retail_sample.xlsx");
        assumeTrue(Files.isRegularFile(workbook), "Skipped: " + workbook.toAbsolutePath() + " is absent (it sits beside the checkout in CI)");
        Path db = load(workbook);
        IngestRun.FileRow row = IngestRun.files(db).get("online_retail_sample.xlsx");
        assertThat(row.profile()).isEqualTo("generic-revenue-lines");
        assertThat(row.read()).isEqualTo(40_000L);
        // Credit notes ("C..." invoices) are kept as negative, credit lines.
        assertThat(IngestRun.query(db, "select count(*) filter (where document_number like 'C%' and not is_credit),"
                + " count(*) filter (where document_number like 'C%' and amount > 0) from revenue_lines").get(0))
                .containsExactly(0L, 0L);
        assertThat(IngestRun.query(db, "select min(line_date), max(line_date) from revenue_lines").get(0))
                .containsExactly(LocalDate.of(2010, 12, 1), LocalDate.of(2011, 12, 9));
    }

    private Path write(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private Path load(Path file) throws Exception {
        Path db = temp.resolve(file.getFileName() + ".duckdb");
        IngestRun.load(db, List.of(file), Map.of());
        return db;
    }

    /** A QuickBooks Online "Sales by Customer Detail" export: title rows, customer group rows, totals, footer. */
    private static Path quickbooks(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sales by Customer Detail");
            s.createRow(0).createCell(0).setCellValue("Acme Testing Inc");
            s.createRow(1).createCell(0).setCellValue("Sales by Customer Detail");
            s.createRow(2).createCell(0).setCellValue("January 1-31, 2026");
            String[] header = {"", "Date", "Transaction Type", "Num", "Product/Service", "Memo/Description", "Qty", "Sales Price", "Amount", "Balance"};
            Row h = s.createRow(4);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            s.createRow(5).createCell(0).setCellValue("Acme Labs");
            line(s.createRow(6), "01/05/2026", "Invoice", "1001", "HT-500", 1, "1200.00", "1200.00");
            line(s.createRow(7), "01/20/2026", "Credit Memo", "CM-7", "HT-500", 1, "(200.00)", "1000.00");
            Row total = s.createRow(8);
            total.createCell(0).setCellValue("Total for Acme Labs");
            total.createCell(8).setCellValue("$1,000.00");
            s.createRow(9).createCell(0).setCellValue("Brio Metals");
            line(s.createRow(10), "01/22/2026", "Invoice", "1002", "Spare kit", 2, "300.00", "300.00");
            Row grand = s.createRow(11);
            grand.createCell(0).setCellValue("TOTAL");
            grand.createCell(8).setCellValue("$1,300.00");
            s.createRow(12).createCell(0).setCellValue("Accrual Basis Monday, February 2, 2026 09:14 AM GMT-05:00");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static void line(Row row, String date, String type, String num, String product, int qty, String amount, String balance) {
        row.createCell(1).setCellValue(date);
        row.createCell(2).setCellValue(type);
        row.createCell(3).setCellValue(num);
        row.createCell(4).setCellValue(product);
        row.createCell(6).setCellValue(qty);
        row.createCell(8).setCellValue(amount);
        row.createCell(9).setCellValue(balance);
    }
}
