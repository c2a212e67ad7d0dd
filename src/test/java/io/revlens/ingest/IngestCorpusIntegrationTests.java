package io.revlens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of awkward and malformed exports, each loaded alone through the real load step with its
 * expected outcome: file status, rows read / loaded / rejected / skipped (the invariant is checked
 * for every file by {@link IngestRun#files}), and the value or reject reason that matters.
 */
class IngestCorpusIntegrationTests {

    @TempDir
    Path temp;

    interface Fixture {
        void write(Path file) throws Exception;
    }

    interface Check {
        void verify(Path db, IngestRun.FileRow row) throws Exception;
    }

    record Case(String file, Fixture fixture, String status, long read, long loaded, long rejected, long skipped, Check check) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final String OPPS = "opportunity_id,stage,amount,close_date\n";
    static final String LINES = "invoice,customer,date,amount\n";

    static Stream<Case> corpus() {
        return Stream.of(
                new Case("plain.csv", text(OPPS + "1,Won,100,2026-01-05\n2,Lost,200,2026-01-06\n"), "loaded", 2, 2, 0, 0,
                        (db, row) -> assertThat(row.kind()).isEqualTo("opportunities")),
                // closed-deal labels as orgs in other languages export them
                new Case("localized-stages.csv", text(OPPS + "1,Fermée gagnée,100,2026-01-05\n2,Cerrada perdida,50,2026-01-06\n"
                        + "3,Gewonnen,70,2026-01-07\n4,Qualification,10,2026-01-08\n"), "loaded", 4, 4, 0, 0,
                        value("select string_agg(status, ' ' order by source_row) from opportunities", "won lost won open")),
                new Case("utf8-bom.csv", bytes(bom(StandardCharsets.UTF_8, OPPS + "1,Won,100,2026-01-05\n")), "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.encoding()).isEqualTo("UTF-8 (BOM)")),
                new Case("utf16-tab.tsv", bytes(bom(StandardCharsets.UTF_16LE, OPPS.replace(',', '\t') + "1\tWon\t100\t2026-01-05\n")),
                        "loaded", 1, 1, 0, 0, (db, row) -> assertThat(row.delimiter()).isEqualTo("tab")),
                new Case("windows-1252.csv", bytes((LINES + "1,Société Générale,2026-01-05,10\n").getBytes(Charset.forName("windows-1252"))),
                        "loaded", 1, 1, 0, 0, value("select customer_name from revenue_lines", "Société Générale")),
                new Case("semicolons-decimal-comma.csv", text("invoice;customer;date;amount\n1;A;2026-01-05;1.234,56\n2;B;2026-01-06;7,5\n"),
                        "loaded", 2, 2, 0, 0, value("select sum(amount) from revenue_lines", new BigDecimal("1242.06"))),
                new Case("pipes.txt", text("invoice|customer|date|amount\n1|A|2026-01-05|10\n"), "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.delimiter()).isEqualTo("|")),
                new Case("quoted-newline.csv", text("invoice,customer,date,amount\n1,\"Acme\nLabs\",2026-01-05,10\n2,B,2026-01-06,5\n"),
                        "loaded", 2, 2, 0, 0, value("select customer_name from revenue_lines where document_number = '1'", "Acme\nLabs")),
                new Case("ragged-long.csv", text(LINES + "1,A,2026-01-05,10\n2,B,2026-01-06,5,oops\n"), "loaded", 2, 1, 1, 0,
                        reject(3, null, "row has 5 fields but the header has 4 (an unquoted delimiter inside a value?)")),
                new Case("ragged-short.csv", text(LINES + "1,A,2026-01-05\n2,B,2026-01-06,5\n"), "loaded", 2, 1, 1, 0,
                        reject(2, null, "row has 3 fields but the header has 4")),
                new Case("title-rows.csv", text("Acme Inc\nSales by Customer Detail\n\n" + LINES + "1,A,2026-01-05,10\n"), "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.headerRow()).isEqualTo(4)),
                new Case("subtotals.csv", text(LINES + "1,A,2026-01-05,10\nTotal for A,,,10\n2,B,2026-01-06,5\nTOTAL,,,15\n"),
                        "loaded", 4, 2, 0, 2, value("select sum(amount) from revenue_lines", new BigDecimal("15.00"))),
                new Case("salesforce-footer.csv", text("\"Opportunity Owner\",\"Opportunity Name\",\"Stage\",\"Amount\"\n\"Ann\",\"Big deal\",\"Closed Won\",\"1000\"\n\n"
                        + "\"Grand Totals (1 records)\"\n\n\"Opportunity Pipeline\"\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n"
                        + "\"Confidential Information - Do Not Distribute\"\n\"Generated By:  Dana Reyes  10/30/2026 4:12 PM\"\n\"Acme Inc.\"\n"),
                        "loaded", 9, 1, 0, 8, (db, row) -> assertThat(row.profile()).isEqualTo("salesforce-opportunities")),
                // only issued invoices are revenue: a draft, two awaiting approval, a voided and a deleted one are
                // skipped (as the overpayment is), the paid and the approved one loaded: 100 + 250
                new Case("xero-statuses.csv", text("ContactName,InvoiceNumber,InvoiceDate,Description,Quantity,UnitAmount,LineAmount,Currency,Type,Status\n"
                        + "A,INV-1,05/01/2026,Widget,1,100,100,AUD,Sales invoice,PAID\n"
                        + "A,INV-2,06/01/2026,Widget,1,250,250,AUD,Sales invoice,AUTHORISED\n"
                        + "A,INV-3,07/01/2026,Widget,1,900,900,AUD,Sales invoice,VOIDED\n"
                        + "B,INV-4,08/01/2026,Widget,1,800,800,AUD,Sales invoice,Deleted\n"
                        + "B,INV-5,09/01/2026,Widget,1,700,700,AUD,Sales invoice,DRAFT\n"
                        + "B,INV-6,10/01/2026,Widget,1,600,600,AUD,Sales invoice,SUBMITTED\n"
                        + "B,OP-1,13/01/2026,Overpayment,1,50,50,AUD,Sales overpayment,PAID\n"
                        + "B,INV-7,14/01/2026,Widget,1,500,500,AUD,Sales invoice,Awaiting Approval\n"),
                        "loaded", 8, 2, 0, 6, value("select string_agg(document_number || ' ' || amount, ', ' order by source_row) from revenue_lines",
                                "INV-1 100.00, INV-2 250.00")),
                // revenue is net of tax: an invoice whose lines add up to its Total holds its tax (INV-2, INV-3, the
                // credit note CN-1: 1100 - 100, 550 - 50 and 220 - 20, -(110 - 10)); INV-1's lines plus their tax make
                // its Total (1500 + 150 = 1650): exclusive, kept; INV-4 carries no tax; INV-5 adds up to neither
                // (400 + 40 is not 999): taken as exported, basis unknown
                new Case("xero-tax-inclusive.csv", text("ContactName,InvoiceNumber,InvoiceDate,Total,TaxTotal,Description,Quantity,UnitAmount,LineAmount,TaxAmount,Currency,Type,Status\n"
                        + "A,INV-1,15/01/2026,1650.00,150.00,Widget,1,1000,1000.00,100.00,AUD,Sales invoice,PAID\n"
                        + "A,INV-1,15/01/2026,1650.00,150.00,Service,1,500,500.00,50.00,AUD,Sales invoice,PAID\n"
                        + "B,INV-2,16/01/2026,1100.00,100.00,Widget,1,1100,1100.00,100.00,AUD,Sales invoice,PAID\n"
                        + "B,INV-3,17/01/2026,770.00,70.00,Widget,1,550,550.00,50.00,AUD,Sales invoice,AUTHORISED\n"
                        + "B,INV-3,17/01/2026,770.00,70.00,Service,1,220,220.00,20.00,AUD,Sales invoice,AUTHORISED\n"
                        + "B,CN-1,18/01/2026,110.00,10.00,Refund,1,110,110.00,10.00,AUD,Sales credit note,PAID\n"
                        + "C,INV-4,19/01/2026,300.00,0.00,Export,1,300,300.00,0.00,AUD,Sales invoice,PAID\n"
                        + "C,INV-5,20/01/2026,999.00,40.00,Widget,1,400,400.00,40.00,AUD,Sales invoice,PAID\n"),
                        "loaded", 8, 8, 0, 0, value("select string_agg(document_number || ' ' || amount || ' ' || coalesce(tax_basis, '?'), ', '"
                                        + " order by source_row) from revenue_lines",
                                "INV-1 1000.00 exclusive, INV-1 500.00 exclusive, INV-2 1000.00 inclusive, INV-3 500.00 inclusive, "
                                        + "INV-3 200.00 inclusive, CN-1 -100.00 inclusive, INV-4 300.00 no tax, INV-5 400.00 ?")),
                // an invoice's text line (no quantity, price or amount) is skipped, not rejected as a missing amount;
                // a line with a quantity but no amount is still a reject
                new Case("xero-text-line.csv", text("ContactName,InvoiceNumber,InvoiceDate,Description,Quantity,UnitAmount,LineAmount,Type\n"
                        + "A,INV-1,15/01/2026,Widget,1,100,100.00,Sales invoice\n"
                        + "A,INV-1,15/01/2026,Thank you for your business,,,,Sales invoice\n"
                        + "A,INV-2,16/01/2026,Widget,2,,,Sales invoice\n"),
                        "loaded", 3, 1, 1, 1, reject(4, "LineAmount", "missing required value (amount)")),
                // where the export says how its lines are written (LineAmountTypes), that decides, with no Total
                new Case("xero-line-amount-types.csv", text("ContactName,InvoiceNumber,InvoiceDate,LineAmountTypes,Description,LineAmount,TaxAmount,Type\n"
                        + "A,INV-1,15/01/2026,Inclusive,Widget,1100.00,100.00,Sales invoice\n"
                        + "A,INV-2,16/01/2026,Exclusive,Widget,1000.00,100.00,Sales invoice\n"),
                        "loaded", 2, 2, 0, 0, value("select string_agg(document_number || ' ' || amount || ' ' || tax_basis, ', '"
                                        + " order by source_row) from revenue_lines",
                                "INV-1 1000.00 inclusive, INV-2 1000.00 exclusive")),
                new Case("blank-rows.csv", text(LINES + "\n1,A,2026-01-05,10\n,,,\n"), "loaded", 3, 1, 0, 2, null),
                new Case("currency-strings.csv", text(LINES + "1,A,2026-01-05,\"$1,234.56\"\n2,A,2026-01-05,\"(1,234.00)\"\n3,A,2026-01-05,-1234\n4,A,2026-01-05,1234-\n5,A,2026-01-05,USD 10\n"),
                        "loaded", 5, 5, 0, 0, value("select string_agg(amount::varchar, ' ' order by source_row) from revenue_lines",
                                "1234.56 -1234.00 -1234.00 -1234.00 10.00")),
                new Case("euro-symbol.csv", text("invoice;customer;date;amount\n1;A;2026-01-05;1.234,56 €\n"), "loaded", 1, 1, 0, 0,
                        value("select currency from revenue_lines", "EUR")),
                new Case("bad-amount.csv", text(LINES + "1,A,2026-01-05,12abc\n2,A,2026-01-05,1\n"), "loaded", 2, 1, 1, 0,
                        reject(2, "amount", "not a number: expected e.g. 1234.56, $1,234.56, (1,234.00) or 1.234,56")),
                new Case("bad-date.csv", text(LINES + "1,A,2026-02-30,1\n"), "loaded", 1, 0, 1, 0,
                        reject(2, "date", "not a valid calendar date: invalid date 'february 30'")),
                new Case("day-first.csv", text(LINES + "1,A,31/01/2026,1\n2,A,05/02/2026,1\n"), "loaded", 2, 2, 0, 0,
                        value("select max(line_date) from revenue_lines", LocalDate.of(2026, 2, 5))),
                // every invoice on the 1st reads either way; the due dates beside them say day first
                new Case("day-first-from-due-dates.csv", text("ContactName,InvoiceNumber,InvoiceDate,DueDate,LineAmount\n"
                        + "A,INV-1,01/02/2025,15/02/2025,100\nA,INV-2,01/03/2025,15/03/2025,100\n"), "loaded", 2, 2, 0, 0,
                        value("select string_agg(line_date::varchar, ' ' order by source_row) from revenue_lines", "2025-02-01 2025-03-01")),
                new Case("month-first.csv", text(LINES + "1,A,01/31/2026,1\n2,A,05/02/2026,1\n"), "loaded", 2, 2, 0, 0,
                        value("select max(line_date) from revenue_lines", LocalDate.of(2026, 5, 2))),
                new Case("date-time-zone.csv", text(LINES + "1,A,2026-01-05T23:30:00-05:00,1\n"), "loaded", 1, 1, 0, 0,
                        value("select line_date from revenue_lines", LocalDate.of(2026, 1, 5))),
                new Case("missing-id.csv", text(OPPS + ",Won,100,2026-01-05\n"), "loaded", 1, 0, 1, 0,
                        reject(2, "opportunity_id", "missing required value (opportunity_id)")),
                new Case("empty.csv", text(""), "failed", 0, 0, 0, 0,
                        (db, row) -> assertThat(row.message()).contains("empty.csv is empty (0 bytes)")),
                new Case("header-only.csv", text(OPPS), "loaded", 0, 0, 0, 0, null),
                new Case("duplicate-headers.csv", text("invoice,customer,date,amount,amount\n1,A,2026-01-05,10,99\n"), "loaded", 1, 1, 0, 0,
                        value("select amount from revenue_lines", new BigDecimal("10.00"))),
                new Case("unrecognised.csv", text("product,series,sales_price\nGTX,GT,550\nMG,MG,55\n"), "ignored", 2, 0, 0, 2,
                        (db, row) -> assertThat(row.message()).contains("not recognised as a known export")),
                new Case("credit-notes.csv", text("InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n536365,17850,2010-12-01,6,2.55\nC536379,17850,2010-12-01,-1,27.50\n"),
                        "loaded", 2, 2, 0, 0, value("select string_agg(amount || ':' || is_credit, ' ' order by source_row) from revenue_lines",
                                "15.30:false -27.50:true")),
                new Case("serial-dates.xlsx", workbook(false), "loaded", 2, 2, 0, 0,
                        value("select min(line_date) from revenue_lines", LocalDate.of(2026, 1, 5))),
                new Case("dates-1904.xlsx", workbook(true), "loaded", 2, 2, 0, 0,
                        value("select min(line_date) from revenue_lines", LocalDate.of(2026, 1, 5))),
                new Case("formulas.xlsx", IngestCorpusIntegrationTests::formulas, "loaded", 1, 1, 0, 0,
                        value("select amount from revenue_lines", new BigDecimal("30.00"))),
                new Case("report-title-and-totals.xlsx", IngestCorpusIntegrationTests::reportShaped, "loaded", 4, 2, 0, 2,
                        (db, row) -> assertThat(row.headerRow()).isEqualTo(4)),
                new Case("merged-title.xlsx", IngestCorpusIntegrationTests::mergedTitle, "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.headerRow()).isEqualTo(3)),
                new Case("second-sheet.xlsx", IngestCorpusIntegrationTests::secondSheet, "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.sheet()).isEqualTo("Data")),
                new Case("legacy.xls", IngestCorpusIntegrationTests::legacyXls, "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.format()).isEqualTo("xls")),
                new Case("corrupt.xlsx", bytes("PK\u0003\u0004 this is not a workbook".getBytes(StandardCharsets.ISO_8859_1)), "failed", 0, 0, 0, 0,
                        (db, row) -> assertThat(row.message()).contains("corrupt.xlsx").contains("workbook")),
                new Case("encrypted.xlsx", IngestCorpusIntegrationTests::encrypted, "failed", 0, 0, 0, 0,
                        (db, row) -> assertThat(row.message()).contains("encrypted.xlsx is password-protected")),
                new Case("html-export.xls", text("<html><body><table><tr><td>Opportunity Owner</td></tr></table></body></html>"), "failed", 0, 0, 0, 0,
                        (db, row) -> assertThat(row.message()).contains("HTML page")),
                new Case("total-named-customer.csv", text(LINES + "1,Total Quality Corp,2026-01-05,10\n"), "loaded", 1, 1, 0, 0,
                        value("select customer_name from revenue_lines", "Total Quality Corp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileHasItsExpectedOutcome(Case c) throws Exception {
        Path file = temp.resolve(c.file());
        c.fixture().write(file);
        Path db = temp.resolve("db.duckdb");

        IngestRun.load(db, List.of(file), Map.of());

        IngestRun.FileRow row = IngestRun.files(db).get(c.file());
        assertThat(row.status()).as("status (%s)", row.message()).isEqualTo(c.status());
        assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped()))
                .as("read, loaded, rejected, skipped").containsExactly(c.read(), c.loaded(), c.rejected(), c.skipped());
        if (c.check() != null) {
            c.check().verify(db, row);
        }
    }

    // ---- checks ----

    static Check value(String sql, Object expected) {
        return (db, row) -> {
            Object actual = IngestRun.query(db, sql).get(0).get(0);
            if (expected instanceof BigDecimal d) {
                assertThat((BigDecimal) actual).isEqualByComparingTo(d);
            } else {
                assertThat(actual).isEqualTo(expected);
            }
        };
    }

    static Check reject(long rowNumber, String column, String reason) {
        return (db, row) -> assertThat(IngestRun.query(db, "select row_number, column_name, reason from rejects"))
                .containsExactly(java.util.Arrays.asList(rowNumber, column, reason));
    }

    // ---- fixtures ----

    static Fixture text(String content) {
        return file -> Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static Fixture bytes(byte[] content) {
        return file -> Files.write(file, content);
    }

    static byte[] bom(Charset charset, String text) {
        byte[] bom = charset.equals(StandardCharsets.UTF_8) ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : new byte[] {(byte) 0xFF, (byte) 0xFE};
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    /** Invoice lines with real date cells, in the 1900 or the 1904 date system. */
    static Fixture workbook(boolean date1904) {
        return file -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                if (date1904) {
                    wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
                }
                Sheet sheet = wb.createSheet("Lines");
                header(sheet.createRow(0), "invoice", "customer", "date", "amount");
                CellStyle dates = wb.createCellStyle();
                dates.setDataFormat(wb.createDataFormat().getFormat("m/d/yy"));
                line(sheet.createRow(1), "1", "A", LocalDateTime.of(2026, 1, 5, 0, 0), 10, dates);
                line(sheet.createRow(2), "2", "B", LocalDateTime.of(2026, 1, 6, 0, 0), 20, dates);
                save(wb, file);
            }
        };
    }

    static void formulas(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Lines");
            header(sheet.createRow(0), "invoice", "customer", "date", "quantity", "unit price", "amount");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("1");
            row.createCell(1).setCellValue("A");
            row.createCell(2).setCellValue("2026-01-05");
            row.createCell(3).setCellValue(3);
            row.createCell(4).setCellValue(10);
            row.createCell(5).setCellFormula("D2*E2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            save(wb, file);
        }
    }

    /** QuickBooks-like: company, report name and period above the header; subtotal and total rows. */
    static void reportShaped(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("Acme Testing Inc");
            sheet.createRow(1).createCell(0).setCellValue("Sales by Customer Detail");
            sheet.createRow(2).createCell(0).setCellValue("January 1-31, 2026");
            header(sheet.createRow(3), "Num", "Customer", "Transaction date", "Amount");
            lineText(sheet.createRow(4), "1001", "A", "01/05/2026", 100);
            lineText(sheet.createRow(5), "Total for A", "", "", 100);
            lineText(sheet.createRow(6), "1002", "B", "01/06/2026", 50);
            lineText(sheet.createRow(7), "TOTAL", "", "", 150);
            save(wb, file);
        }
    }

    static void mergedTitle(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue("Invoice lines, all dates");
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 3));
            header(sheet.createRow(2), "invoice", "customer", "date", "amount");
            lineText(sheet.createRow(3), "1", "A", "2026-01-05", 10);
            save(wb, file);
        }
    }

    static void secondSheet(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Exported by finance");
            Sheet data = wb.createSheet("Data");
            header(data.createRow(0), "invoice", "customer", "date", "amount");
            lineText(data.createRow(1), "1", "A", "2026-01-05", 10);
            save(wb, file);
        }
    }

    static void legacyXls(Path file) throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Lines");
            header(sheet.createRow(0), "invoice", "customer", "date", "amount");
            lineText(sheet.createRow(1), "1", "A", "2026-01-05", 10);
            save(wb, file);
        }
    }

    static void encrypted(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
                Sheet sheet = wb.createSheet("Lines");
                header(sheet.createRow(0), "invoice", "customer", "date", "amount");
                wb.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
    }

    private static void header(Row row, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    private static void line(Row row, String invoice, String customer, LocalDateTime date, double amount, CellStyle dates) {
        row.createCell(0).setCellValue(invoice);
        row.createCell(1).setCellValue(customer);
        row.createCell(2).setCellValue(date);
        row.getCell(2).setCellStyle(dates);
        row.createCell(3).setCellValue(amount);
    }

    private static void lineText(Row row, String invoice, String customer, String date, double amount) {
        row.createCell(0).setCellValue(invoice);
        if (!customer.isEmpty()) {
            row.createCell(1).setCellValue(customer);
        }
        if (!date.isEmpty()) {
            row.createCell(2).setCellValue(date);
        }
        row.createCell(3).setCellValue(amount);
    }

    private static void save(Workbook wb, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
