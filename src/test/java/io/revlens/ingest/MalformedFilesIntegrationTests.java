package io.revlens.ingest;

import io.revlens.ingest.read.ValueCoercer;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of malformed and awkward exports, each with its expected outcome: status, the row accounting
 * (read = loaded + rejected + skipped is asserted for every file by {@link LoadRun#files}), and the
 * exact values or reject reasons that matter for that case.
 */
class MalformedFilesIntegrationTests {

    @TempDir
    Path tmp;

    interface Fixture {
        void write(Path file) throws Exception;
    }

    interface Check {
        void verify(Path db, LoadRun.FileRow row) throws Exception;
    }

    record Case(String file, Fixture fixture, String status, long read, long loaded, long rejected, long skipped,
                Check check) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final String OPPS = "opportunity_id,stage,amount\n";
    static final String LINES = "invoice,customer,date,amount\n";

    static Fixture text(String content) {
        return text(content, StandardCharsets.UTF_8, new byte[0]);
    }

    static Fixture text(String content, Charset charset, byte[] bom) {
        return file -> {
            byte[] body = content.getBytes(charset);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, bom.length);
            System.arraycopy(body, 0, all, bom.length, body.length);
            Files.write(file, all);
        };
    }

    static Fixture xlsx(Object[][] rows) {
        return file -> Workbooks.xlsx(file, "Sheet1", rows);
    }

    static Check values(String sql, List<List<String>> expected) {
        return (db, row) -> assertThat(LoadRun.query(db, sql)).containsExactlyElementsOf(expected);
    }

    static Check rejects(List<List<String>> expected) {
        return values("select row_number, column_name, raw_value, reason from rejects order by row_number, column_name",
                expected);
    }

    static Check message(String fragment) {
        return (db, row) -> assertThat(row.message()).contains(fragment);
    }

    static Check all(Check... checks) {
        return (db, row) -> {
            for (Check check : checks) {
                check.verify(db, row);
            }
        };
    }

    static Check none() {
        return (db, row) -> {
        };
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("utf8-bom.csv", text(OPPS + "1,Won,10\n", StandardCharsets.UTF_8,
                        new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.encoding()).isEqualTo("UTF-8 (BOM)")),
                new Case("utf16le-bom-tab.csv", text("opportunity_id\tstage\tamount\n1\tWon\t10\n2\tLost\t20\n",
                        StandardCharsets.UTF_16LE, new byte[]{(byte) 0xFF, (byte) 0xFE}), "loaded", 2, 2, 0, 0,
                        (db, row) -> assertThat(List.of(row.encoding(), row.delimiter()))
                                .containsExactly("UTF-16LE (BOM)", "tab")),
                new Case("utf16be-bom.csv", text(OPPS + "1,Won,10\n", StandardCharsets.UTF_16BE,
                        new byte[]{(byte) 0xFE, (byte) 0xFF}), "loaded", 1, 1, 0, 0,
                        (db, row) -> assertThat(row.encoding()).isEqualTo("UTF-16BE (BOM)")),
                new Case("windows-1252.csv", text("opportunity_id,stage,account\n1,Won,Société Générale\n",
                        Charset.forName("windows-1252"), new byte[0]), "loaded", 1, 1, 0, 0,
                        values("select account_name from opportunities", List.of(List.of("Société Générale")))),
                new Case("semicolons-decimal-comma.csv", text("opportunity_id;stage;amount\n1;Won;1.234,56 €\n"),
                        "loaded", 1, 1, 0, 0,
                        values("select amount, currency from opportunities", List.of(List.of("1234.56", "EUR")))),
                new Case("pipes.csv", text("opportunity_id|stage|amount\n1|Won|10\n2|Lost|20\n"), "loaded", 2, 2, 0, 0,
                        (db, row) -> assertThat(row.delimiter()).isEqualTo("|")),
                new Case("quoted-newlines.csv", text(OPPS.replace("amount", "opportunity_name")
                        + "1,Won,\"two\nline name\"\n2,Lost,plain\n"), "loaded", 2, 2, 0, 0,
                        values("select source_row, opportunity_name from opportunities order by 1",
                                List.of(List.of("2", "two\nline name"), List.of("4", "plain")))),
                new Case("ragged-long-row.csv", text(OPPS + "1,Won,10\n2,Lost,20,oops\n"), "loaded", 2, 1, 1, 0,
                        rejects(List.of(List.of("3", "null", "null", "row has 4 fields but the header has 3 (an unquoted delimiter inside a value?)")))),
                new Case("ragged-short-row.csv", text(OPPS + "1,Won\n2,Lost,20\n"), "loaded", 2, 1, 1, 0,
                        rejects(List.of(List.of("2", "null", "null", "row has 2 fields but the header has 3")))),
                new Case("trailing-empty-field.csv", text(OPPS + "1,Won,10,\n"), "loaded", 1, 1, 0, 0, none()),
                new Case("title-rows.csv", text("Acme CRM export\nGenerated 2026-11-01\n\n" + OPPS + "1,Won,10\n"),
                        "loaded", 1, 1, 0, 0, (db, row) -> assertThat(row.headerRow()).isEqualTo(4)),
                new Case("quickbooks-subtotals.csv", text("Calibra Instruments\nSales by Customer Detail\nAll Dates\n\n"
                        + ",Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Amount,Balance\n"
                        + "Acme Metals,,,,,,,,,\n"
                        + ",01/15/2026,Invoice,1001,HT-500,,2,\"6,250.00\",\"12,500.00\",\"12,500.00\"\n"
                        + ",02/03/2026,Credit Memo,CM-7,HT-500,,1,500.00,(500.00),\"12,000.00\"\n"
                        + "Total for Acme Metals,,,,,,,,\"$12,000.00\",\n"
                        + "TOTAL,,,,,,,,\"$12,000.00\",\n\n"
                        + "\"Accrual Basis Monday, November 2, 2026 10:15 AM GMT-05:00\"\n"),
                        "loaded", 7, 2, 0, 5,
                        values("select document_number, customer_name, line_date, amount, is_credit from revenue_lines"
                                        + " order by source_row",
                                List.of(List.of("1001", "Acme Metals", "2026-01-15", "12500.00", "false"),
                                        List.of("CM-7", "Acme Metals", "2026-02-03", "-500.00", "true")))),
                // a line holding only a name heads a customer's block whatever the name; "Total for", "TOTAL" and the
                // basis-and-timestamp footer are skipped
                new Case("quickbooks-customers-named-like-totals.csv", text("Calibra Instruments\nSales by Customer Detail\nAll Dates\n\n"
                        + ",Date,Transaction Type,Num,Product/Service,Memo/Description,Qty,Sales Price,Amount,Balance\n"
                        + "Alpha Supply,,,,,,,,,\n"
                        + ",01/15/2026,Invoice,1001,HT-500,,1,\"1,000.00\",\"1,000.00\",\"1,000.00\"\n"
                        + "Total for Alpha Supply,,,,,,,,\"$1,000.00\",\n"
                        + "Cash Basis Consulting,,,,,,,,,\n"
                        + ",02/03/2026,Invoice,1002,HT-500,,1,\"2,000.00\",\"2,000.00\",\"3,000.00\"\n"
                        + "Total for Cash Basis Consulting,,,,,,,,\"$2,000.00\",\n"
                        + "Total Wine & More,,,,,,,,,\n"
                        + ",03/04/2026,Invoice,1003,HT-500,,1,\"5,000.00\",\"5,000.00\",\"8,000.00\"\n"
                        + "Total for Total Wine & More,,,,,,,,\"$5,000.00\",\n"
                        + "TOTAL,,,,,,,,\"$8,000.00\",\n\n"
                        + "\"Cash Basis Tuesday, November 3, 2026 10:15 AM GMT-05:00\"\n"),
                        "loaded", 12, 3, 0, 9,
                        all(values("select document_number, customer_name, amount from revenue_lines order by source_row",
                                List.of(List.of("1001", "Alpha Supply", "1000.00"),
                                        List.of("1002", "Cash Basis Consulting", "2000.00"),
                                        List.of("1003", "Total Wine & More", "5000.00"))),
                                // the footer says the report ran on cash basis (the customer's name does not)
                                message("a cash-basis report: its lines are what customers paid, dated when paid, so revenue"
                                        + " here is cash collected, not invoiced"))),
                // sub-customers count to their customer: a heading right under a heading, or indented, is nested in
                // it until its "Total for" line; a "Parent:Child" full name is the parent's
                new Case("quickbooks-sub-customers.csv", text("Harborline Analytics LLC\nSales by Customer Detail\n"
                        + "\"January 1-June 30, 2026\"\n\n"
                        + ",Transaction date,Transaction type,Num,Customer full name,Description,Quantity,Sales price,Amount,Balance\n"
                        + "Northwind Logistics Inc.,,,,,,,,,\n"
                        + "Warehouse Retrofit,,,,,,,,,\n"
                        + ",03/05/2026,Invoice,5001,,Training,10,100.00,\"1,000.00\",\"1,000.00\"\n"
                        + "Total for Warehouse Retrofit,,,,,,,,\"$1,000.00\",\n"
                        + ",04/02/2026,Invoice,5002,,Training,30,100.00,\"3,000.00\",\"3,000.00\"\n"
                        + "   Dock Expansion,,,,,,,,,\n"
                        + ",04/20/2026,Invoice,5003,,Training,5,100.00,500.00,500.00\n"
                        + "   Total for Dock Expansion,,,,,,,,$500.00,\n"
                        + "Total for Northwind Logistics Inc.,,,,,,,,\"$4,500.00\",\n"
                        + "Zeta Corp,,,,,,,,,\n"
                        + ",06/01/2026,Invoice,5004,Zeta Corp:Plant 2,Training,30,100.00,\"3,000.00\",\"3,000.00\"\n"
                        + "Total for Zeta Corp,,,,,,,,\"$3,000.00\",\n"
                        + "TOTAL,,,,,,,,\"$7,500.00\",\n\n"
                        + "\"Accrual Basis Wednesday, July 1, 2026 08:00 AM GMT-05:00\"\n"),
                        "loaded", 15, 4, 0, 11,
                        all(values("select document_number, customer_name, amount from revenue_lines order by source_row",
                                List.of(List.of("5001", "Northwind Logistics Inc.", "1000.00"),
                                        List.of("5002", "Northwind Logistics Inc.", "3000.00"),
                                        List.of("5003", "Northwind Logistics Inc.", "500.00"),
                                        List.of("5004", "Zeta Corp", "3000.00"))),
                                // an accrual-basis report: nothing to say of its basis
                                (db, row) -> assertThat(row.message()).isNull())),
                new Case("blank-lines.csv", text(OPPS + "1,Won,10\n\n,,\n2,Lost,20\n"), "loaded", 4, 2, 0, 2, none()),
                new Case("empty.csv", text(""), "failed", 0, 0, 0, 0, message("empty.csv is empty (0 bytes)")),
                new Case("header-only.csv", text(OPPS), "loaded", 0, 0, 0, 0, none()),
                new Case("blank-only.csv", text("\n\n   \n"), "ignored", 0, 0, 0, 0, message("no header row")),
                // a summary report holds totals, not transactions: not recognised, and the message says what to export
                // instead rather than offering a profile draft. Its ten lines under the first one (taken as the header,
                // blank ones included) are counted as skipped.
                new Case("Sales by Customer Summary.csv", text("Harborline Analytics LLC\nSales by Customer Summary\n"
                        + "January - October 2026\n\n,Jan 2026,Feb 2026,Total\nAcme,100.00,200.00,$300.00\n"
                        + "Beta,50.00,,$50.00\nTOTAL,150.00,200.00,$350.00\n\n\n"
                        + "\"Accrual Basis Monday, November 2, 2026 10:15 AM GMT-05:00\"\n"),
                        "ignored", 10, 0, 0, 10, message("Sales by Customer Summary.csv is a summary report (\"Sales by Customer"
                        + " Summary\": totals per customer or period, no transactions); it is not loaded, since every figure is"
                        + " computed from transactions. Export the detail report instead (QuickBooks: Sales by Customer Detail;")),
                new Case("unrecognised.csv", text("foo,bar\n1,2\n3,4\n"), "ignored", 2, 0, 0, 2,
                        message("is not recognised as a known export: no profile matches its header (foo, bar)")),
                new Case("duplicate-headers.csv", text("opportunity_id,stage,amount,amount\n1,Won,10,20\n"), "loaded",
                        1, 1, 0, 0, (db, row) -> {
                            assertThat(row.message()).contains("duplicate header 'amount' in columns [3, 4]; the first is used");
                            assertThat(LoadRun.scalar(db, "select amount from opportunities")).isEqualTo("10.00");
                        }),
                new Case("day-first-dates.csv", text(LINES + "1,Acme,13/02/2026,10\n2,Acme,03/04/2026,20\n"), "loaded",
                        2, 2, 0, 0, values("select line_date from revenue_lines order by source_row",
                        List.of(List.of("2026-02-13"), List.of("2026-04-03")))),
                new Case("month-first-dates.csv", text(LINES + "1,Acme,02/13/2026,10\n2,Acme,03/04/2026,20\n"), "loaded",
                        2, 2, 0, 0, values("select line_date from revenue_lines order by source_row",
                        List.of(List.of("2026-02-13"), List.of("2026-03-04")))),
                new Case("bad-dates.csv", text(LINES + "1,Acme,2026-02-30,10\n2,Acme,soon,20\n3,Acme,2026-02-28,30\n"),
                        "loaded", 3, 1, 2, 0, rejects(List.of(List.of("2", "date", "2026-02-30", "not a valid calendar date: invalid date 'february 30'"),
                        List.of("3", "date", "soon", "not a date")))),
                new Case("currency-strings.csv", text(LINES + "1,A,2026-01-01,\"$1,234.56\"\n2,A,2026-01-01,\"(1,234.00)\"\n"
                        + "3,A,2026-01-01,-1234\n4,A,2026-01-01,1234-\n5,A,2026-01-01,USD 99.50\n6,A,2026-01-01,\"€ 5,5\"\n"),
                        "loaded", 6, 6, 0, 0, values("select amount, currency, is_credit from revenue_lines order by source_row",
                        List.of(List.of("1234.56", "USD", "false"), List.of("-1234.00", "null", "true"),
                                List.of("-1234.00", "null", "true"), List.of("-1234.00", "null", "true"),
                                List.of("99.50", "USD", "false"), List.of("5.50", "EUR", "false")))),
                new Case("number-prefix-trap.csv", text(LINES + "1,A,2026-01-01,1234abc\n2,A,2026-01-01,12.34.56\n"
                        + "3,A,2026-01-01,\"1,2,3\"\n"), "loaded", 3, 0, 3, 0,
                        rejects(List.of(List.of("2", "amount", "1234abc", ValueCoercer.NOT_A_NUMBER),
                                List.of("3", "amount", "12.34.56", ValueCoercer.NOT_A_NUMBER),
                                List.of("4", "amount", "1,2,3", ValueCoercer.NOT_A_NUMBER)))),
                new Case("date-times-with-zones.csv", text(LINES + "1,A,2026-03-01T23:30:00Z,1\n"
                        + "2,A,2026-03-01 23:30:00+05:00,1\n3,A,2026-03-02T01:00:00.000-08:00,1\n4,A,2026-03-03 09:15,1\n"),
                        "loaded", 4, 4, 0, 0, values("select line_date from revenue_lines order by source_row",
                        List.of(List.of("2026-03-01"), List.of("2026-03-01"), List.of("2026-03-02"), List.of("2026-03-03")))),
                new Case("missing-required.csv", text(LINES + "1,A,,10\n2,A,2026-01-01,\n"), "loaded", 2, 0, 2, 0,
                        rejects(List.of(List.of("2", "date", "null", "missing required value (line_date)"),
                                List.of("3", "amount", "null", "missing required value (amount)")))),
                new Case("truncated-quote.csv", text(OPPS + "1,Won,10\n2,Lost,\"20\n"), "failed", 1, 1, 0, 0,
                        message("reading stopped after 1 data rows")),
                new Case("serial-dates.xlsx", xlsx(new Object[][]{{"invoice", "customer", "date", "amount"},
                        {"1", "A", 45658, 10}, {"2", "A", 45658.75, 20}}), "loaded", 2, 2, 0, 0,
                        // 45,292 = 2024-01-01; + 366 days of 2024 = 45,658 = 2025-01-01; .75 is 18:00 on that day.
                        values("select line_date from revenue_lines order by source_row",
                                List.of(List.of("2025-01-01"), List.of("2025-01-01")))),
                new Case("date1904.xlsx", file -> {
                    XSSFWorkbook wb = new XSSFWorkbook();
                    (wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr()
                            : wb.getCTWorkbook().addNewWorkbookPr()).setDate1904(true);
                    Workbooks.sheet(wb, "Sheet1", new Object[][]{{"invoice", "customer", "date", "amount"},
                            {"1", "A", LocalDate.of(2026, 3, 15), 10}, {"2", "A", 44196, 20}});
                    Workbooks.save(wb, file);
                }, "loaded", 2, 2, 0, 0,
                        // 44,196 in the 1900 system is 2020-12-31; the 1904 system adds 1,462 days -> 2025-01-01.
                        values("select line_date from revenue_lines order by source_row",
                                List.of(List.of("2026-03-15"), List.of("2025-01-01")))),
                new Case("formulas.xlsx", xlsx(new Object[][]{{"invoice", "customer", "date", "quantity", "unit price", "amount"},
                        {"1", "A", LocalDate.of(2026, 1, 2), 3, 2.5, "=D2*E2"}}), "loaded", 1, 1, 0, 0,
                        values("select amount, quantity from revenue_lines", List.of(List.of("7.50", "3.0000")))),
                new Case("merged-header-cells.xlsx", file -> {
                    XSSFWorkbook wb = new XSSFWorkbook();
                    Workbooks.sheet(wb, "Sheet1", new Object[][]{{"Invoices 2026", null, null, null, null},
                            {"invoice", "customer", "date", "amount", null}, {"1", "A", LocalDate.of(2026, 1, 2), 10, null}});
                    wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
                    wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(1, 1, 3, 4));
                    Workbooks.save(wb, file);
                }, "loaded", 1, 1, 0, 0, (db, row) -> assertThat(row.headerRow()).isEqualTo(2)),
                new Case("amount-as-text.xlsx", xlsx(new Object[][]{{"invoice", "customer", "date", "amount"},
                        {"1", "A", "2026-01-02", "$1,200.50"}}), "loaded", 1, 1, 0, 0,
                        values("select amount, currency, line_date from revenue_lines",
                                List.of(List.of("1200.50", "USD", "2026-01-02")))),
                new Case("second-sheet.xlsx", file -> {
                    XSSFWorkbook wb = new XSSFWorkbook();
                    Workbooks.sheet(wb, "Notes", new Object[][]{{"Read me"}, {"Exported by finance"}});
                    Workbooks.sheet(wb, "Data", new Object[][]{{"invoice", "customer", "date", "amount"},
                            {"1", "A", LocalDate.of(2026, 1, 2), 10}});
                    Workbooks.save(wb, file);
                }, "loaded", 1, 1, 0, 0, (db, row) -> assertThat(row.sheet()).isEqualTo("Data")),
                new Case("corrupt.xlsx", text("PK\u0003\u0004 this is not really a zip"), "failed", 0, 0, 0, 0,
                        message("corrupt.xlsx: not a valid Excel workbook")),
                new Case("encrypted.xlsx", file -> {
                    Path plain = file.resolveSibling("plain-for-encryption.xlsx");
                    Workbooks.xlsx(plain, "Sheet1", new Object[][]{{"invoice", "customer", "date", "amount"}});
                    try (POIFSFileSystem fs = new POIFSFileSystem()) {
                        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                        encryptor.confirmPassword("secret");
                        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(plain.toFile());
                             OutputStream out = encryptor.getDataStream(fs)) {
                            pkg.save(out);
                        }
                        try (OutputStream out = Files.newOutputStream(file)) {
                            fs.writeFilesystem(out);
                        }
                    }
                    Files.delete(plain);
                }, "failed", 0, 0, 0, 0, message("encrypted.xlsx is password-protected")),
                new Case("web-page-saved-as.xls", text("<html><body><table><tr><td>Opportunity Name</td></tr></table></body></html>"),
                        "failed", 0, 0, 0, 0, message("HTML page saved with an Excel extension")),
                new Case("legacy-roster.xls", file -> {
                    HSSFWorkbook wb = new HSSFWorkbook();
                    Workbooks.sheet(wb, "Team", new Object[][]{{"Rep Name", "Hire Date", "Quota"},
                            {"Dana Reyes", LocalDate.of(2024, 3, 4), 450000}});
                    Workbooks.save(wb, file);
                }, "loaded", 1, 1, 0, 0, values("select rep_name, hire_date, quarterly_quota from reps",
                        List.of(List.of("Dana Reyes", "2024-03-04", "450000.00")))),
                new Case("not-an-export.pdf.txt", text("%PDF-1.7 binary junk without delimiters\n"), "ignored", 0, 0, 0, 0,
                        message("is not recognised as a known export"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMalformedFileHasItsExpectedOutcome(Case c) throws Exception {
        Path file = tmp.resolve(c.file());
        c.fixture().write(file);
        Path db = tmp.resolve("ingest.duckdb");
        LoadRun.run(db, List.of(file), Map.of());
        Map<String, LoadRun.FileRow> rows = LoadRun.files(db);
        LoadRun.FileRow row = rows.get(c.file());
        assertThat(row).as("source_files row for %s", c.file()).isNotNull();
        assertThat(List.of(row.status(), row.read(), row.loaded(), row.rejected(), row.skipped()))
                .as("status, read, loaded, rejected, skipped of %s (message: %s)", c.file(), row.message())
                .containsExactly(c.status(), c.read(), c.loaded(), c.rejected(), c.skipped());
        if (!"loaded".equals(c.status())) {
            assertThat(row.message()).as("a failed or ignored file says why, naming the file").contains(c.file());
        }
        c.check().verify(db, row);
    }
}
