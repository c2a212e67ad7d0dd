package io.revlens.ingest;

import io.revlens.ingest.read.InputScanner;
import io.revlens.ingest.check.OverlapResolver;
import io.revlens.ingest.check.DataQualityProfiler;
import static org.assertj.core.api.Assertions.assertThat;

import io.revlens.model.Workspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue (docs/bad-inputs.md) beyond the single-file ingest corpora: implausible values,
 * duplicate and overlapping files, duplicate reps, unicode, huge cells and headers, and hostile workbooks.
 * Each case loads a folder of files through the real load step, then the overlap resolution and the
 * data-quality profile the job runs next; every file's rows read = loaded + rejected + skipped is checked
 * by {@link LoadRun#files}, and each case asserts its files' status and counts and the values, reject
 * reasons or messages that matter.
 */
class BadInputsIntegrationTests {

    /** Text a hostile workbook tries to pull in through an XML external entity. */
    static final String SECRET = "SECRET-7f3a-do-not-load";

    @TempDir
    Path temp;

    interface Fixture {
        void write(Path file, Path folder) throws Exception;
    }

    interface Check {
        void verify(Path db, Map<String, LoadRun.FileRow> files) throws Exception;
    }

    /** Expected status and row accounting of one file. */
    record Expect(String file, String status, long read, long loaded, long rejected, long skipped) {
    }

    static final String XERO = "ContactName,InvoiceNumber,InvoiceDate,LineAmount,Type,Status\n";

    record Case(String name, Map<String, Fixture> files, List<Expect> expected, Check check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String OPPS = "opportunity_id,account,stage,amount,created_date,close_date\n";
    static final String LINES = "invoice,customer,date,amount\n";
    static final String REPS = "Rep Name,Role,Hire Date,Manager\n";

    static Stream<Case> cases() {
        return Stream.of(
                // A stage that merely contains "won" or "lost" is not an outcome; whole closed-deal labels are.
                one("stage-words.csv", text(OPPS + "1,A,Won't buy,100,2026-01-02,2026-03-05\n2,A,Not won yet,100,2026-01-02,2026-03-05\n"
                                + "3,A,Lost contact,100,2026-01-02,2026-03-05\n4,A,Closed Won,100,2026-01-02,2026-01-05\n"
                                + "5,A,closed-lost,100,2026-01-02,2026-01-05\n6,A,WON,100,2026-01-02,2026-01-05\n"),
                        "loaded", 6, 6, 0, 0,
                        values("select opportunity_id, status from opportunities order by source_row",
                                row("1", "open"), row("2", "open"), row("3", "open"), row("4", "won"), row("5", "lost"), row("6", "won"))),
                // Subtotal and total rows announced in the id or name column, not only in the first cell.
                one("subtotal-labels.csv", text(OPPS + "1,Acme,Won,100,2026-01-02,2026-01-05\n,Subtotal,,100,,\n"
                                + "Total Closed Won,,,100,,\n2,Total Quality Corp,Won,200,2026-01-02,2026-01-05\n"
                                + "3,Beta,Lost,50,2026-01-02,2026-01-05\nSum,,,350,,\n"),
                        "loaded", 6, 3, 0, 3,
                        values("select opportunity_id, account_name, amount from opportunities order by source_row",
                                row("1", "Acme", "100.00"), row("2", "Total Quality Corp", "200.00"), row("3", "Beta", "50.00"))),
                // Day/month order from the whole file: the first day over 12 comes after 2,050 rows that fit either order.
                one("late-day-first.csv", IngestFixtures.lateDayFirst(), "loaded", 2051, 2051, 0, 0,
                        values("select line_date from revenue_lines where source_row in (2, 2052) order by source_row",
                                row("2026-02-01"), row("2026-03-25"))),
                // Both orders in one file: a date over 12 on either side reads; one that fits both is rejected.
                one("mixed-date-orders.csv", text(LINES + "1,A,13/01/2026,10\n2,A,01/14/2026,10\n3,A,02/03/2026,10\n4,A,05/05/2026,10\n"),
                        "loaded", 4, 3, 1, 0,
                        values("select line_date from revenue_lines order by source_row", row("2026-01-13"), row("2026-01-14"), row("2026-05-05"))),
                // A decimal-comma file: "12.500" is twelve thousand five hundred, not twelve and a half.
                one("european-amounts.csv", text(LINES + "1,A,2026-01-05,\"1.234,56\"\n2,A,2026-01-05,\"99,50\"\n3,A,2026-01-05,12.500\n4,A,2026-01-05,3.750\n"),
                        "loaded", 4, 4, 0, 0,
                        values("select amount from revenue_lines order by source_row", row("1234.56"), row("99.50"), row("12500.00"), row("3750.00"))),
                // Both decimal marks in one file: an amount either could be ("12.500") is rejected, not guessed.
                one("mixed-amount-marks.csv", text(LINES + "1,A,2026-01-05,\"1.234,56\"\n2,A,2026-01-05,\"1,234.56\"\n3,A,2026-01-05,12.500\n4,A,2026-01-05,7\n"),
                        "loaded", 4, 3, 1, 0,
                        rejects(row("4", "amount", "12.500", "ambiguous amount: the file writes amounts both as 1.234,56 and 1,234.56, and 12.500 could be either"))),
                // Workbook cells without a value to load: a formula never calculated, NaN, Excel's day zero.
                one("unsaved-formula.xlsx", (file, folder) -> IngestFixtures.sheet(file, folder,
                                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Won</t></is></c><c r=\"C2\"><f>SUM(4,6)</f></c></row>"
                                + "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>Lost</t></is></c><c r=\"C3\"><v>20</v></c></row>"),
                        "loaded", 2, 1, 1, 0,
                        rejects(row("2", "amount", "=SUM(4,6)", "a formula (=SUM(4,6)) whose result the workbook does not hold: open and save the file in Excel (or export values only) so that its values are stored"))),
                one("nan-amount.xlsx", (file, folder) -> IngestFixtures.sheet(file, folder,
                                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Won</t></is></c><c r=\"C2\"><v>NaN</v></c></row>"
                                + "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>Lost</t></is></c><c r=\"C3\"><v>20</v></c></row>"),
                        "loaded", 2, 1, 1, 0, rejects(row("2", "amount", "NaN", "not a number: the cell holds NaN"))),
                one("excel-day-zero.xlsx", (file, folder) -> IngestFixtures.dayZero(file), "loaded", 2, 1, 1, 0,
                        rejects(row("2", "close_date", "1899-12-31", "implausible date: 1899-12-31 is before 1900 (Excel shows an empty date cell as 1899-12-31 or 1900-01-00)"))),
                // A cell reference far past Excel's last column would make the row millions of cells wide.
                one("giant-column.xlsx", (file, folder) -> IngestFixtures.sheet(file, folder,
                                "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Won</t></is></c><c r=\"ZZZZZZ2\"><v>10</v></c></row>"),
                        "failed", 0, 0, 0, 0, message("giant-column.xlsx", "beyond Excel's last column (XFD)")),
                // One sheet per year, and a notes sheet: every data sheet is loaded as its own entry (all 4 deals,
                // lineage by sheet), the entries name the data sheets and the sheet that is not data.
                new Case("deals-by-year.xlsx", Map.of("deals-by-year.xlsx", (file, folder) -> IngestFixtures.sheetsPerYear(file)),
                        List.of(new Expect("deals-by-year.xlsx#Deals 2024", "loaded", 2, 2, 0, 0),
                                new Expect("deals-by-year.xlsx#Deals 2025", "loaded", 2, 2, 0, 0)),
                        all(message("deals-by-year.xlsx#Deals 2025", "data sheet 2 of 2 of this workbook (Deals 2024, Deals 2025), each loaded on its own; not read, no header a profile recognises: Notes"),
                                values("select o.opportunity_id, f.sheet, o.source_row from opportunities o join source_files f using (source_file_id) order by 1",
                                        row("2024-1", "Deals 2024", "2"), row("2024-2", "Deals 2024", "3"),
                                        row("2025-1", "Deals 2025", "2"), row("2025-2", "Deals 2025", "3")))),
                // Lines in two encodings (UTF-8, then a line appended by a Windows-1252 system): each read in its own.
                one("mixed-encoding.csv", bytes(IngestFixtures.concat(
                                (OPPS + "1,Zoë Müller GmbH,Won,100,2026-01-02,2026-01-05\n").getBytes(StandardCharsets.UTF_8),
                                "2,Zoë Müller GmbH,Lost,50,2026-01-02,2026-01-06\n".getBytes(java.nio.charset.Charset.forName("windows-1252")))),
                        "loaded", 2, 2, 0, 0,
                        values("select account_name from opportunities order by source_row", row("Zoë Müller GmbH"), row("Zoë Müller GmbH"))),
                one("absurd-amount.csv", text(OPPS + "1,A,Won,1500000000000,2026-01-02,2026-01-05\n2,B,Won,100,2026-01-02,2026-01-05\n"),
                        "loaded", 2, 1, 1, 0,
                        rejects(row("2", "amount", "1500000000000", "implausible amount: 1500000000000.00 is not below 1,000,000,000,000 in size (a column shift or a typo?)"))),
                one("overflow-amount.csv", text(OPPS + "1,A,Won,123456789012345678901234,2026-01-02,2026-01-05\n"),
                        "loaded", 1, 0, 1, 0,
                        rejects(row("2", "amount", "123456789012345678901234", "implausible amount: 123456789012345678901234.00 is not below 1,000,000,000,000 in size (a column shift or a typo?)"))),
                one("largest-plausible-amount.csv", text(OPPS + "1,A,Won,999999999999.99,2026-01-02,2026-01-05\n2,A,Won,-999999999999.99,2026-01-02,2026-01-05\n"),
                        "loaded", 2, 2, 0, 0,
                        values("select amount from opportunities order by source_row", row("999999999999.99"), row("-999999999999.99"))),
                one("absurd-derived-amount.csv", text("invoice,customer,date,quantity,unit price\n1,A,2026-01-05,1000000,2000000\n2,A,2026-01-05,2,5\n"),
                        "loaded", 2, 1, 1, 0,
                        rejects(row("2", "null", "null", "implausible amount: 2000000000000.00 (quantity x unit_price) is not below 1,000,000,000,000 in size"))),
                one("negative-opportunity-amount.csv", text(OPPS + "1,A,Won,-500,2026-01-02,2026-01-05\n2,B,Won,100,2026-01-02,2026-01-05\n"),
                        "loaded", 2, 2, 0, 0, finding("opportunities", "negative amount", "amount below zero", 1)),
                one("close-before-created.csv", text(OPPS + "1,A,Won,100,2026-03-01,2026-02-01\n2,B,Won,100,2026-01-02,2026-01-05\n"),
                        "loaded", 2, 2, 0, 0, finding("opportunities", "close before create", "close date earlier than created date", 1)),
                one("far-future-date.csv", text(OPPS + "1,A,Won,100,2026-01-02,2999-01-05\n2,B,Open,100,2026-01-02,2027-06-30\n"),
                        "loaded", 2, 1, 1, 0,
                        rejects(row("2", "close_date", "2999-01-05", "implausible date: 2999-01-05 is more than 10 years ahead (a typo?)"))),
                one("five-digit-year.csv", text(LINES + "1,A,20026-01-05,10\n2,A,2026-01-05,10\n"),
                        "loaded", 2, 1, 1, 0, rejectCount(1)),
                one("duplicate-rep.csv", text(REPS + "Ann Lee,AE,2024-01-08,Tom Boss\nBo Chan,AE,2024-02-05,Tom Boss\nann lee ,SDR,2025-01-06,Tom Boss\n"),
                        "loaded", 3, 2, 1, 0,
                        rejects(row("4", "Rep Name", "ann lee", "duplicate rep: the same name is already on row 2 of this file (the first is kept)"))),
                new Case("duplicate-reps-in-two-rosters", files("team-east.csv", text(REPS + "Ann Lee,AE,2024-01-08,Tom Boss\n"),
                        "team-west.csv", text(REPS + "Ann Lee,AE,2024-01-08,Tom Boss\nBo Chan,AE,2024-02-05,Tom Boss\n")),
                        List.of(new Expect("team-east.csv", "loaded", 1, 1, 0, 0), new Expect("team-west.csv", "loaded", 2, 2, 0, 0)),
                        finding("reps", "duplicate keys", "rep_name appears more than once (in several rosters): Ann Lee", 1)),
                new Case("duplicate-file", files("deals.csv", text(OPPS + "1,A,Won,100,2026-01-02,2026-01-05\n2,B,Lost,50,2026-01-02,2026-01-06\n"),
                        "deals-copy.csv", text(OPPS + "1,A,Won,100,2026-01-02,2026-01-05\n2,B,Lost,50,2026-01-02,2026-01-06\n")),
                        List.of(new Expect("deals-copy.csv", "loaded", 2, 2, 0, 0), new Expect("deals.csv", "ignored", 2, 0, 0, 2)),
                        all(values("select count(*), sum(amount) from opportunities", row("2", "150.00")),
                                message("deals.csv", "deals.csv is a duplicate of deals-copy.csv (same content, sha256"))),
                new Case("overlapping-exports", files("deals-jan-mar.csv", text(OPPS + "1,A,Won,100,2026-01-02,2026-01-20\n2,B,Lost,50,2026-02-01,2026-02-20\n3,C,Proposal,70,2026-03-01,2026-04-30\n"),
                        "deals-mar-may.csv", text(OPPS + "3,C,Won,75,2026-03-01,2026-04-10\n4,D,Won,20,2026-04-01,2026-05-15\n")),
                        List.of(new Expect("deals-jan-mar.csv", "loaded", 3, 2, 0, 1), new Expect("deals-mar-may.csv", "loaded", 2, 2, 0, 0)),
                        all(values("select opportunity_id, stage, amount from opportunities order by opportunity_id",
                                        row("1", "Won", "100.00"), row("2", "Lost", "50.00"), row("3", "Won", "75.00"), row("4", "Won", "20.00")),
                                message("deals-jan-mar.csv", "1 rows superseded by the later export deals-mar-may.csv (same opportunity ids; the later export wins)"))),
                new Case("overlapping-invoice-exports", files("q1.csv", text(LINES + "INV-1,A,2026-01-05,10\nINV-2,B,2026-03-30,20\nINV-2,B,2026-03-30,5\n"),
                        "q2.csv", text(LINES + "INV-2,B,2026-03-30,20\nINV-2,B,2026-03-30,5\nINV-3,C,2026-04-02,30\n")),
                        List.of(new Expect("q1.csv", "loaded", 3, 1, 0, 2), new Expect("q2.csv", "loaded", 3, 3, 0, 0)),
                        values("select sum(amount), count(*) from revenue_lines", row("65.00", "4"))),
                // Lines without a document number (a refund receipt) in two overlapping exports of one profile are
                // one line exported twice: the later export keeps it. H1 holds INV-1 100, its refund -10 and INV-2 30;
                // the year to date adds INV-3 20: 100 - 10 + 30 + 20 = 140, not 130 with the refund twice.
                new Case("re-exported-unnumbered-lines", files("h1.csv", text("InvoiceNo,Customer,InvoiceDate,Amount,Type\n"
                                + "INV-1,A,2026-03-05,100,Invoice\n,A,2026-03-09,-10,Refund Receipt\nINV-2,B,2026-06-01,30,Invoice\n"),
                        "ytd.csv", text("InvoiceNo,Customer,InvoiceDate,Amount,Type\n"
                                + "INV-1,A,2026-03-05,100,Invoice\n,A,2026-03-09,-10,Refund Receipt\nINV-2,B,2026-06-01,30,Invoice\n"
                                + "INV-3,B,2026-07-15,20,Invoice\n")),
                        List.of(new Expect("h1.csv", "loaded", 3, 0, 0, 3), new Expect("ytd.csv", "loaded", 4, 4, 0, 0)),
                        all(values("select sum(amount), count(*) from revenue_lines", row("140.00", "4")),
                                message("h1.csv", "3 rows superseded by the later export ytd.csv (same document numbers, or the same lines without one; the later export wins)"))),
                // An invoice authorised in an earlier Xero export and voided in the later one: the later export says
                // what became of it, so neither export's lines of it are revenue: 100 (INV-1) + 50 (INV-3).
                new Case("voided-since-the-earlier-export", files("invoices-sep.csv", text(XERO
                                + "A,INV-1,05/09/2026,100,Sales invoice,PAID\nB,INV-2,20/09/2026,400,Sales invoice,AUTHORISED\n"),
                        "invoices-oct.csv", text(XERO
                                + "A,INV-1,05/09/2026,100,Sales invoice,PAID\nB,INV-2,20/09/2026,400,Sales invoice,VOIDED\n"
                                + "C,INV-3,14/10/2026,50,Sales invoice,AUTHORISED\n")),
                        List.of(new Expect("invoices-oct.csv", "loaded", 3, 2, 0, 1), new Expect("invoices-sep.csv", "loaded", 2, 0, 0, 2)),
                        all(values("select document_number, amount from revenue_lines order by document_number",
                                        row("INV-1", "100.00"), row("INV-3", "50.00")),
                                message("invoices-sep.csv", "2 rows superseded by the later export invoices-oct.csv (same document numbers; the later export wins)"))),
                // Two companies' invoice exports numbered alike: the numbers match, the customers do not. Both are kept
                // (15,000 in all), and the finding says so; nothing is superseded.
                new Case("same-numbers-other-company", files("acme-invoices.csv", text(LINES + "INV-1001,Northwind,2026-01-05,5000\nINV-1002,Contoso,2026-02-05,5000\n"),
                        "globex-invoices.csv", text(LINES + "INV-1001,Initech,2026-03-05,2500\nINV-1002,Umbrella,2026-03-06,2500\n")),
                        List.of(new Expect("acme-invoices.csv", "loaded", 2, 2, 0, 0), new Expect("globex-invoices.csv", "loaded", 2, 2, 0, 0)),
                        all(values("select sum(amount), count(*) from revenue_lines", row("15000.00", "4")),
                                values("select finding from data_quality_findings where finding = 'same numbers, different records'",
                                        row("same numbers, different records")))),
                one("unicode-names.csv", text("opportunity_id,account,owner,stage,amount,created_date,close_date\n1,Łódź Precyzja,Zoë Ünal,Won,100,2026-01-02,2026-01-05\n2,北京贸易,王芳,Won,200,2026-01-02,2026-01-05\n3,Rocket 🚀 Labs,José Ñúñez,Lost,50,2026-01-02,2026-01-06\n"),
                        "loaded", 3, 3, 0, 0,
                        values("select account_name, rep_name from opportunities order by source_row",
                                row("Łódź Precyzja", "Zoë Ünal"), row("北京贸易", "王芳"), row("Rocket 🚀 Labs", "José Ñúñez"))),
                one("hundred-thousand-character-cell.csv", text(OPPS + "1," + "A".repeat(100_000) + ",Won,100,2026-01-02,2026-01-05\n"),
                        "loaded", 1, 1, 0, 0, values("select length(account_name), left(account_name, 3) from opportunities", row("100000", "AAA"))),
                one("ten-thousand-columns.csv", IngestFixtures.wide(10_000), "loaded", 3, 3, 0, 0,
                        values("select opportunity_id, stage, amount from opportunities order by source_row",
                                row("1", "Won", "10.00"), row("2", "Lost", "20.00"), row("3", "Won", "30.00"))),
                one("formula-like-values.csv", text(OPPS + "1,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",Won,100,2026-01-02,2026-01-05\n@SUM(1+1),+cmd,Won,-5,2026-01-02,2026-01-05\n"),
                        "loaded", 2, 2, 0, 0,
                        values("select opportunity_id, account_name, amount from opportunities order by source_row",
                                row("1", "=HYPERLINK(\"http://x\",\"click\")", "100.00"), row("@SUM(1+1)", "+cmd", "-5.00"))),
                // The same bomb with its central directory lying about the sheet's size: refused before any row.
                one("lying-zip-bomb.xlsx", IngestFixtures::lyingZipBomb, "failed", 0, 0, 0, 0,
                        message("lying-zip-bomb.xlsx", "inflates beyond POI's limits")),
                one("zip-bomb.xlsx", IngestFixtures::zipBomb, "failed", 0, 0, 0, 0,
                        all(message("zip-bomb.xlsx", "zip-bomb.xlsx was refused and nothing was loaded from it: entry xl/worksheets/sheet1.xml expands from"),
                                message("zip-bomb.xlsx", "a zip bomb or an abnormal sheet"),
                                values("select count(*) from opportunities", row("0")))),
                // A DOCTYPE in any part, a sheet or not (docProps/core.xml is read by POI as the package opens, and
                // `inspect` opens it too): refused before any part is parsed, so no entity is resolved and no row is
                // loaded.
                xxe("xl/worksheets/sheet1.xml", "xxe-in-sheet.xlsx"),
                xxe("xl/sharedStrings.xml", "xxe-in-shared-strings.xlsx"),
                xxe("xl/workbook.xml", "xxe-in-workbook.xlsx"),
                xxe("docProps/core.xml", "xxe-in-core-properties.xlsx"),
                one("binary-renamed.csv", bytes(new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 0, 0, 10, 7, 0}), "ignored", 1, 0, 0, 1,
                        message("binary-renamed.csv", "not recognised as a known export")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseHasItsExpectedOutcome(Case c) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("in"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Fixture> file : c.files().entrySet()) {
            Path path = folder.resolve(file.getKey());
            file.getValue().write(path, temp);
            files.add(path);
        }
        Path db = temp.resolve("db.duckdb");

        LoadRun.run(db, InputScanner.scan(folder), Map.of());
        try (Connection connection = Workspace.open(db)) {
            OverlapResolver.resolve(connection);
            DataQualityProfiler.profile(connection);
        }

        Map<String, LoadRun.FileRow> rows = LoadRun.files(db);
        assertThat(rows.keySet().stream().map(name -> name.replaceAll("#.*", "")).distinct())
                .containsExactlyInAnyOrderElementsOf(c.files().keySet());
        for (Expect e : c.expected()) {
            LoadRun.FileRow row = rows.get(e.file());
            assertThat(row.status()).as("status of %s (%s)", e.file(), row.message()).isEqualTo(e.status());
            assertThat(List.of(row.read(), row.loaded(), row.rejected(), row.skipped()))
                    .as("read, loaded, rejected, skipped of %s (%s)", e.file(), row.message())
                    .containsExactly(e.read(), e.loaded(), e.rejected(), e.skipped());
        }
        c.check().verify(db, rows);
    }

    // ---- cases and checks ----

    static Case xxe(String entry, String file) {
        return one(file, (path, folder) -> IngestFixtures.xxe(path, folder, entry), "failed", 0, 0, 0, 0,
                all(message(file, file + " was refused and nothing was loaded from it: entry " + entry
                        + " declares an XML DOCTYPE, which Excel never writes"), secretNowhere()));
    }

    static Case one(String file, Fixture fixture, String status, long read, long loaded, long rejected, long skipped, Check check) {
        return new Case(file, Map.of(file, fixture), List.of(new Expect(file, status, read, loaded, rejected, skipped)), check);
    }

    static Map<String, Fixture> files(String a, Fixture fa, String b, Fixture fb) {
        Map<String, Fixture> files = new LinkedHashMap<>();
        files.put(a, fa);
        files.put(b, fb);
        return files;
    }

    static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    static Check values(String sql, List<String>... expected) {
        return (db, files) -> assertThat(LoadRun.query(db, sql)).as(sql).containsExactly(expected);
    }

    @SafeVarargs
    static Check rejects(List<String>... expected) {
        return values("select row_number, column_name, raw_value, reason from rejects order by row_number, column_name", expected);
    }

    static Check rejectCount(long n) {
        return values("select count(*) from rejects", row(String.valueOf(n)));
    }

    static Check finding(String table, String finding, String detail, long affected) {
        return (db, files) -> assertThat(LoadRun.query(db, "select table_name, finding, detail, affected_rows from data_quality_findings"
                + " where finding not in ('date range', 'missing account')"))
                .containsExactly(row(table, finding, detail, String.valueOf(affected)));
    }

    static Check message(String file, String fragment) {
        return (db, files) -> assertThat(files.get(file).message()).contains(fragment);
    }

    static Check all(Check... checks) {
        return (db, files) -> {
            for (Check check : checks) {
                check.verify(db, files);
            }
        };
    }

    /** The external entity's target text is in no table (files, rejects, any loaded row). */
    static Check secretNowhere() {
        return (db, files) -> {
            for (String table : List.of("source_files", "rejects", "opportunities", "revenue_lines", "accounts", "reps", "leads")) {
                String sql = "select count(*) from " + table + " t where cast(t as varchar) like '%" + SECRET + "%'";
                assertThat(LoadRun.scalar(db, sql)).as(table).isEqualTo("0");
            }
            assertThat(Files.readString(secretFile(db.getParent()))).contains(SECRET);
        };
    }

    static Path secretFile(Path temp) {
        return temp.resolve("secret.txt");
    }

    static Fixture text(String content) {
        return (file, folder) -> Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static Fixture bytes(byte[] content) {
        return (file, folder) -> Files.write(file, content);
    }

    /** Builders of the larger and hostile fixtures. */
    static final class IngestFixtures {

        private IngestFixtures() {
        }

        /** Invoice lines whose dates fit both orders for 2,050 rows, then one with a day over 12 (25/03/2026). */
        static Fixture lateDayFirst() {
            return (file, folder) -> {
                StringBuilder out = new StringBuilder(LINES);
                for (int r = 1; r <= 2050; r++) {
                    out.append(r).append(",A,01/02/2026,10\n");
                }
                out.append("2051,A,25/03/2026,10\n");
                Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
            };
        }

        /** A CSV with {@code columns} header columns; three of them are the deal id, stage and amount. */
        static Fixture wide(int columns) {
            return (file, folder) -> {
                StringBuilder out = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    out.append(c == 0 ? "opportunity_id" : c == columns / 2 ? ",stage" : c == columns - 1 ? ",amount" : ",extra " + c);
                }
                out.append('\n');
                for (int r = 1; r <= 3; r++) {
                    for (int c = 0; c < columns; c++) {
                        out.append(c == 0 ? String.valueOf(r) : c == columns / 2 ? (r == 2 ? ",Lost" : ",Won")
                                : c == columns - 1 ? "," + (r * 10) : ",x");
                    }
                    out.append('\n');
                }
                Files.writeString(file, out, StandardCharsets.UTF_8);
            };
        }

        /** A deals workbook (opportunity_id, stage, amount) whose data rows are the given sheet XML. */
        static void sheet(Path file, Path folder, String rowsXml) throws Exception {
            Path plain = folder.resolve("plain-for-sheet.xlsx");
            deals(plain);
            rewrite(plain, file, "xl/worksheets/sheet1.xml", (in, out) -> out.write((
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>opportunity_id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>stage</t></is></c>"
                    + "<c r=\"C1\" t=\"inlineStr\"><is><t>amount</t></is></c></row>" + rowsXml + "</sheetData></worksheet>")
                    .getBytes(StandardCharsets.UTF_8)));
        }

        /** Deals with a close date; the first one is a date cell holding 0, Excel's day zero (1899-12-31). */
        static void dayZero(Path file) throws Exception {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                Sheet sheet = wb.createSheet("Deals");
                var dateStyle = wb.createCellStyle();
                dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                String[] header = {"opportunity_id", "stage", "amount", "close_date"};
                Row head = sheet.createRow(0);
                for (int c = 0; c < header.length; c++) {
                    head.createCell(c).setCellValue(header[c]);
                }
                double[] closes = {0, 46_000};
                for (int r = 0; r < 2; r++) {
                    Row row = sheet.createRow(r + 1);
                    row.createCell(0).setCellValue(String.valueOf(r + 1));
                    row.createCell(1).setCellValue("Won");
                    row.createCell(2).setCellValue(10);
                    var date = row.createCell(3);
                    date.setCellValue(closes[r]);
                    date.setCellStyle(dateStyle);
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            }
        }

        static byte[] concat(byte[] a, byte[] b) {
            byte[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }

        /** Deals in two sheets of the same layout, one per year. */
        static void sheetsPerYear(Path file) throws Exception {
            Workbooks.sheetsPerYear(file, List.of("2024", "2025"));
        }

        /** A small valid deals workbook (header and two rows, strings shared). */
        static void deals(Path file) throws Exception {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                Sheet sheet = wb.createSheet("Deals");
                String[][] rows = {{"opportunity_id", "stage", "amount"}, {"1", "Won", "10"}, {"2", "Lost", "20"}};
                for (int r = 0; r < rows.length; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            }
        }

        /**
         * A valid workbook whose sheet XML is 200 MB of identical rows, deflated to well under 1 MB: POI's
         * minimum inflate ratio (1%) refuses it.
         */
        static void zipBomb(Path file, Path folder) throws Exception {
            Path plain = folder.resolve("plain-for-bomb.xlsx");
            deals(plain);
            byte[] row = "<row><c t=\"inlineStr\"><is><t>1</t></is></c><c t=\"inlineStr\"><is><t>Won</t></is></c><c><v>10</v></c></row>"
                    .getBytes(StandardCharsets.UTF_8);
            long target = 200L * 1024 * 1024;
            rewrite(plain, file, "xl/worksheets/sheet1.xml", (in, out) -> {
                out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row><c t=\"inlineStr\"><is><t>opportunity_id</t></is></c><c t=\"inlineStr\"><is><t>stage</t></is></c><c t=\"inlineStr\"><is><t>amount</t></is></c></row>")
                        .getBytes(StandardCharsets.UTF_8));
                byte[] block = new byte[row.length * 8192];
                for (int i = 0; i < 8192; i++) {
                    System.arraycopy(row, 0, block, i * row.length, row.length);
                }
                for (long written = 0; written < target; written += block.length) {
                    out.write(block);
                }
                out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            });
            assertThat(Files.size(file)).as("compressed bomb size").isLessThan(1024 * 1024);
        }

        /** {@link #zipBomb} whose central directory declares the sheet's inflated size equal to its compressed size. */
        static void lyingZipBomb(Path file, Path folder) throws Exception {
            Path honest = folder.resolve("honest-bomb.xlsx");
            zipBomb(honest, folder);
            byte[] zip = Files.readAllBytes(honest);
            byte[] name = "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.UTF_8);
            boolean patched = false;
            for (int i = 0; i + 46 < zip.length; i++) {
                // central directory file header: signature, then sizes at +20 (compressed) and +24 (uncompressed)
                if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                    int nameLength = (zip[i + 28] & 0xff) | (zip[i + 29] & 0xff) << 8;
                    if (nameLength == name.length && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + nameLength), name)) {
                        System.arraycopy(zip, i + 20, zip, i + 24, 4);
                        patched = true;
                    }
                }
            }
            assertThat(patched).as("central directory entry of the sheet").isTrue();
            Files.write(file, zip);
            Files.delete(honest);
        }

        /** A valid deals workbook whose {@code entry} declares an external entity reading a local file, used in a cell. */
        static void xxe(Path file, Path folder, String entry) throws Exception {
            Files.writeString(secretFile(folder), SECRET);
            Path plain = folder.resolve("plain-for-xxe.xlsx");
            deals(plain);
            String doctype = "<!DOCTYPE root [<!ENTITY xxe SYSTEM \"" + secretFile(folder).toUri() + "\">]>";
            rewrite(plain, file, entry, (in, out) -> {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
                xml = xml.substring(0, afterDeclaration) + doctype + xml.substring(afterDeclaration);
                UnaryOperator<String> useEntity = entry.contains("sharedStrings") ? x -> x.replace(">Won<", ">&xxe;<")
                        : entry.contains("sheet") ? x -> x.replace("</row></sheetData>",
                        "</row><row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>")
                        : x -> x.replace("name=\"Deals\"", "name=\"&xxe;\"");
                out.write(useEntity.apply(xml).getBytes(StandardCharsets.UTF_8));
            });
        }

        interface EntryRewrite {
            void rewrite(InputStream in, OutputStream out) throws Exception;
        }

        /** Copies a zip, replacing the content of one entry. */
        static void rewrite(Path source, Path target, String entry, EntryRewrite rewrite) throws Exception {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                out.setLevel(Deflater.BEST_COMPRESSION);
                boolean found = false;
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    if (e.getName().equals(entry)) {
                        rewrite.rewrite(in, out);
                        found = true;
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                assertThat(found).as("entry %s in %s", entry, source).isTrue();
            }
            Files.delete(source);
        }
    }
}
