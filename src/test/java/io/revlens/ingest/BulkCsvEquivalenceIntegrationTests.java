package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileCatalog;
import io.revlens.ingest.read.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk CSV path (DuckDB's reader + SQL, {@code BulkCsvLoad}) must load, reject and skip exactly what the
 * row-by-row path does: the same files are loaded both ways and every table is compared row for row, lineage
 * included. The fixtures hold one row for each way a value can leave the SQL fast lane.
 */
class BulkCsvEquivalenceIntegrationTests {

    private static final String DEALS_HEADER = "\"Record ID\",\"Deal Name\",\"Associated Company\",\"Deal owner\","
            + "\"Deal Stage\",\"Amount\",\"Currency\",\"Create Date\",\"Close Date\",\"Deal Type\","
            + "\"Date entered \"\"Proposal (Sales Pipeline)\"\"\"\n";

    @TempDir
    Path dir;

    @Test
    void awkwardValuesLoadRejectAndSkipAsRowByRow() throws Exception {
        Path deals = write("hubspot-deals.csv", DEALS_HEADER
                + "1,Plain,Acme,Ann,Closed Won,100.50,USD,2026-01-05 10:00,2026-02-01 17:00,New Business,2026-01-20 09:00\n"
                + "2,Lower-case mapped stage,Acme,Ann,closedwon,200,usd,2026-01-06 10:00,2026-02-02 17:00,Upsell,\n"
                + "3,Padded ,\" Acme \",Bob,Closed Lost,300,,2026-01-07 10:00,2026-02-03 17:00,Renewal,\n"
                + "4,No-break\u00a0space,Łódź Sp. z o.o.,Bob,Proposal,400,EUR,2026-01-08 10:00,,Existing Business,2026-01-30 11:00\n"
                + "5,Money text,Acme,Ann,Closed Won,\"$1,234.56\",,2026-01-09 10:00,2026-02-05 17:00,,\n"
                + "6,Parentheses,Acme,Ann,Closed Won,(50.00),,2026-01-10 10:00,2026-02-06 17:00,,\n"
                + "7,Exponent,Acme,Ann,Closed Won,1e3,,2026-01-11 10:00,2026-02-07 17:00,,\n"
                + "8,Slash date,Acme,Ann,Open,10,,01/02/2026,,,\n"
                + "9,Impossible date,Acme,Ann,Open,10,,2026-02-30 10:00,,,\n"
                + ",Name as id,Acme,Ann,Qualified,10,,2026-01-12 10:00,,,\n"
                + ",,Acme,Ann,Qualified,10,,2026-01-12 10:00,,,\n"
                + "Total,,,,,5000,,,,,\n"
                + "12,Bad stage date,Acme,Ann,Proposal,10,,2026-01-13 10:00,,,not a date\n"
                + "13,Three decimals,Acme,Ann,Closed Won,10.005,,2026-01-14 10:00,2026-02-08 17:00,,\n"
                + "14,Short year,Acme,Ann,Closed Won,10,,26-01-15,2026-02-09 17:00,,\n"
                + "15,\tTab,Acme,Ann,Closed Won,10,,2026-01-16 10:00,2026-02-10 17:00,,\n"
                + "16,Far future,Acme,Ann,Open,10,,2026-01-17 10:00,2999-01-01 00:00,,\n");
        Path lines = write("invoice-lines.csv", "invoice,customer,date,amount,quantity,product,currency\n"
                + "INV-1,Acme,2026-01-05,100,2,Widget,USD\n"
                + "INV-2,Acme,2026-01-06,-40,1,Widget,USD\n"
                + "INV-3,Beta,05/01/2026,10,1,Widget,usd\n"
                + "INV-4,Beta,2026-01-07,,3,Widget,\n"
                + "INV-5,Gamma,2026-01-08,\"1,000.00\",1.5,Widget,EUR\n"
                + "INV-6,Gamma,2026-01-09,12.5,0.3333,Widget,EUR\n");
        Path accounts = write("companies.csv", "Company name,Industry,Number of Employees,Annual Revenue\n"
                + "Acme,Manufacturing,120,1000000\n"
                + "Beta,Retail,\"1,200\",\n"
                + "Gamma,,12.5,\n"
                + ",Retail,10,\n");
        Path reps = write("reps.csv", "Rep Name,Role,Hire Date,Quota\n"
                + "Ann,AE,2025-06-01,150000\n"
                + "Bob,AE,2025-13-01,150000\n"
                + "Cid,SDR,,\n");
        List<Path> files = List.of(deals, lines, accounts, reps);

        Map<String, List<List<String>>> bulk = load("bulk.duckdb", files, true);
        Map<String, List<List<String>>> rows = load("rows.duckdb", files, false);

        assertThat(bulk).isEqualTo(rows);
        assertThat(methods("bulk.duckdb")).as("every file took the bulk path")
                .containsOnly("bulk");
        // the fixture really exercises both outcomes
        assertThat(bulk.get("rejects")).hasSizeGreaterThan(5);
        assertThat(bulk.get("opportunity_stage_history")).isNotEmpty();
    }

    @Test
    void typedDateColumnsWithValuesOutOfRangeAndRowsWithoutAFirstCellLoadAsRowByRow() throws Exception {
        // Every date is ISO, so DuckDB parses the date columns itself; the SQL leaves out a column's range check
        // only when the whole column is in range, and the blank-row test only when every row has a first cell.
        // Here neither holds: a close date and a stage date out of range, and a deal without a record id.
        Path deals = write("hubspot-deals.csv", DEALS_HEADER
                + "1,In range,Acme,Ann,Closed Won,100,USD,2026-01-05 10:00,2026-02-01 17:00,New Business,2026-01-20 09:00\n"
                + "2,Far future close,Acme,Ann,Proposal,200,USD,2026-01-06 10:00,2999-01-01 00:00,,2026-01-21 09:00\n"
                + "3,Before 1900,Acme,Bob,Closed Lost,300,USD,2026-01-07 10:00,2026-02-03 17:00,,1899-12-30 09:00\n"
                + ",Name as id,Acme,Ann,Qualified,10,USD,2026-01-12 10:00,,,\n"
                + "5,Also in range,Acme,Bob,Closed Won,50,USD,2026-01-08 10:00,2026-02-04 17:00,Renewal,2026-01-22 09:00\n");
        Path clean = write("clean-deals.csv", DEALS_HEADER
                + "11,In range,Acme,Ann,Closed Won,100,USD,2026-01-05 10:00,2026-02-01 17:00,New Business,2026-01-20 09:00\n"
                + "12,Also in range,Acme,Bob,Proposal,50,USD,2026-01-08 10:00,2026-03-04 17:00,Renewal,\n");
        // Plain dates beside date-times (all in range, so the typed read is kept): DuckDB reads the first as dates
        // and the others as timestamps; in the two files above every typed column is a date-time, read as a date.
        Path mixed = write("mixed-deals.csv", DEALS_HEADER
                + "21,Plain create date,Acme,Ann,Closed Won,100,USD,2026-01-05,2026-02-01 17:00,New Business,2026-01-20 09:00\n"
                + "22,Plain create date too,Acme,Bob,Proposal,50,USD,2026-01-08,2026-03-04 17:00,Renewal,2026-01-30 10:00\n");
        List<Path> files = List.of(deals, clean, mixed);

        Map<String, List<List<String>>> bulk = load("bulk.duckdb", files, true);
        Map<String, List<List<String>>> rows = load("rows.duckdb", files, false);

        assertThat(bulk).isEqualTo(rows);
        assertThat(methods("bulk.duckdb")).containsOnly("bulk");
        // Java rejects the far-future close date and the 1899 stage date (Excel's day zero; SQL leaves both to it).
        assertThat(bulk.get("opportunities")).extracting(row -> row.get(1))
                .contains("In range", "Also in range", "Name as id").doesNotContain("Far future close", "Before 1900");
        assertThat(bulk.get("rejects")).extracting(row -> row.get(4)).contains("2999-01-01 00:00", "1899-12-30 09:00");
    }

    /**
     * The decimal mark is decided from every amount of the file, by SQL in bulk (which counts dot marks only once a
     * comma mark is seen) and by Java row by row: a file of comma decimals, a file that writes amounts both ways and
     * a file of dot decimals with thousands separators load, and reject, the same.
     */
    @Test
    void decimalMarksAreDecidedAsRowByRow() throws Exception {
        String header = "invoice,customer,date,amount,quantity,product,currency\n";
        List<Path> files = List.of(
                write("comma-decimals.csv", header + "1,A,2026-01-05,\"1.234,56\",1,W,EUR\n2,A,2026-01-06,\"99,50\",1,W,EUR\n"
                        + "3,B,2026-01-07,12.500,\"2,5\",W,EUR\n4,B,2026-01-08,7,1,W,EUR\n"),
                write("both-marks.csv", header + "1,A,2026-01-05,\"1.234,56\",1,W,EUR\n2,A,2026-01-06,\"1,234.56\",1,W,EUR\n"
                        + "3,B,2026-01-07,12.500,1,W,EUR\n4,B,2026-01-08,7,1,W,EUR\n"),
                write("dot-decimals.csv", header + "1,A,2026-01-05,\"1,234.56\",1,W,USD\n2,A,2026-01-06,99.50,1.5,W,USD\n"
                        + "3,B,2026-01-07,12.500,1,W,USD\n4,B,2026-01-08,7,1,W,USD\n"));

        Map<String, List<List<String>>> bulk = load("bulk.duckdb", files, true);
        Map<String, List<List<String>>> rows = load("rows.duckdb", files, false);

        assertThat(bulk).isEqualTo(rows);
        assertThat(methods("bulk.duckdb")).containsOnly("bulk");
        // comma decimals: 1.234,56 is 1234.56 and 12.500 is 12500; both marks: 12.500 is ambiguous and rejected
        assertThat(bulk.get("revenue_lines")).extracting(row -> row.get(3)).contains("1234.56", "99.50", "12500.00");
        assertThat(bulk.get("rejects")).extracting(row -> row.get(4)).contains("12.500");
    }

    @Test
    void filesDuckDbReadsDifferentlyFallBackToRowByRowWithTheSameResult() throws Exception {
        String header = "invoice,customer,date,amount\n";
        List<Path> files = List.of(
                write("blank-line.csv", header + "1,A,2026-01-05,10\n\n2,B,2026-01-06,5\n"),
                write("quoted-newline.csv", header + "1,\"Acme\nLabs\",2026-01-05,10\n2,B,2026-01-06,5\n"),
                write("ragged.csv", header + "1,A,2026-01-05,10\n2,B,2026-01-06\n"),
                write("space-quote.csv", header + "1, \"A\",2026-01-05,10\n"),
                write("bare-cr.csv", header.replace('\n', '\r') + "1,A,2026-01-05,10\r"));

        Map<String, List<List<String>>> bulk = load("bulk.duckdb", files, true);
        Map<String, List<List<String>>> rows = load("rows.duckdb", files, false);

        assertThat(bulk).isEqualTo(rows);
        assertThat(methods("bulk.duckdb")).containsOnly("rows");
    }

    @Test
    void theBundledSampleLoadsIdenticallyAndInBulk() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("hubspot-deals.csv", "hubspot-companies.csv", "sales-team.csv")) {
            files.add(Path.of("sample-data", name).toAbsolutePath());
        }
        Map<String, List<List<String>>> bulk = load("bulk.duckdb", files, true);
        Map<String, List<List<String>>> rows = load("rows.duckdb", files, false);

        assertThat(bulk).isEqualTo(rows);
        assertThat(bulk.get("opportunities")).hasSize(1_779);
        assertThat(methods("bulk.duckdb")).containsOnly("bulk");
    }

    @Test
    void dealIdsNamesAndAccountNamesAreStoredUncompressedAndTheOtherTextCompressed() throws Exception {
        // canonical.sql: DuckDB's DICT_FSST doubles the write time of text that rarely repeats (docs/decisions.md,
        // "Storage of ids and names"). A DuckDB that ignored the column setting would fail here, not only slow down.
        Path db = dir.resolve("storage.duckdb");
        LoadRun.run(db, List.of(Path.of("sample-data", "hubspot-deals.csv").toAbsolutePath()), Map.of(),
                ProfileCatalog.builtIn(), true);
        String storage = "select distinct compression from pragma_storage_info('opportunities') where column_name = '%s'"
                + " and compression <> 'Constant'";
        assertThat(LoadRun.query(db, String.format(storage, "opportunity_id"))).containsExactly(List.of("Uncompressed"));
        assertThat(LoadRun.query(db, String.format(storage, "opportunity_name"))).containsExactly(List.of("Uncompressed"));
        assertThat(LoadRun.query(db, String.format(storage, "account_name"))).containsExactly(List.of("Uncompressed"));
        assertThat(LoadRun.query(db, String.format(storage, "rep_name"))).doesNotContain(List.of("Uncompressed"));
    }

    @Test
    void aFileOverTheLargeFileThresholdLoadsEveryRowWithItsLineNumber() throws Exception {
        // Over 64 MB, DuckDB reads with a larger buffer (BulkCsvLoad.LARGE_FILE_BUFFER). The last line, without a
        // line break, needs Java (a money string).
        Path file = dir.resolve("in").resolve("invoice-lines.csv");
        Files.createDirectories(file.getParent());
        long cents = 0;
        int n = 0;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("invoice,customer,date,amount,quantity,product,currency\n");
            while (Files.size(file) < (65L << 20) || n < 1_000_000) {
                n++;
                int amount = n % 9973;
                cents += amount * 100L;
                out.write("INV-" + n + ",Customer " + (n % 5000) + ",2026-0" + (1 + n % 9) + "-1" + (n % 10) + ","
                        + amount + ",1,Calibration service plan,USD\n");
                if (n % 100_000 == 0) {
                    out.flush();
                }
            }
            out.write("INV-LAST,Customer last,2026-03-31,\"$1,234.56\",1,Widget,USD");
        }
        assertThat(Files.size(file)).isGreaterThan(64L << 20);
        Path db = dir.resolve("large.duckdb");
        LoadRun.run(db, List.of(file), Map.of(), ProfileCatalog.builtIn(), true);

        LoadRun.FileRow loaded = LoadRun.files(db).get("invoice-lines.csv");
        assertThat(List.of(loaded.read(), loaded.loaded(), loaded.rejected())).containsExactly(n + 1L, n + 1L, 0L);
        assertThat(methods("large.duckdb")).containsOnly("bulk");
        assertThat(LoadRun.query(db, "select count(*), sum(amount), min(source_row), max(source_row) from revenue_lines"))
                .containsExactly(List.of(String.valueOf(n + 1), java.math.BigDecimal.valueOf(cents + 123_456, 2).toPlainString(),
                        "2", String.valueOf(n + 2)));
        assertThat(LoadRun.query(db, "select document_number, customer_name, line_date, amount from revenue_lines"
                + " where source_row in (2, " + (n + 1) + ", " + (n + 2) + ") order by source_row")).containsExactly(
                List.of("INV-1", "Customer 1", "2026-02-11", "1.00"),
                List.of("INV-" + n, "Customer " + (n % 5000), "2026-0" + (1 + n % 9) + "-1" + (n % 10), (n % 9973) + ".00"),
                List.of("INV-LAST", "Customer last", "2026-03-31", "1234.56"));
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Every table a load writes, sorted, with lineage; source_files without timestamps, hash and method. */
    private Map<String, List<List<String>>> load(String dbName, List<Path> files, boolean bulkCsv) throws Exception {
        Path db = dir.resolve(dbName);
        LoadRun.run(db, files, Map.of(), ProfileCatalog.builtIn(), bulkCsv);
        Map<String, List<List<String>>> tables = new java.util.LinkedHashMap<>();
        for (String table : List.of("opportunities", "opportunity_stage_history", "accounts", "reps", "revenue_lines",
                "leads", "rejects", "pipeline_stages")) {
            tables.put(table, LoadRun.query(db, "select * from " + table + " order by all"));
        }
        tables.put("source_files", LoadRun.query(db, "select * exclude (loaded_at, load_method) from source_files"
                + " order by path"));
        return tables;
    }

    private List<String> methods(String dbName) throws Exception {
        return LoadRun.query(dir.resolve(dbName), "select load_method from source_files").stream()
                .map(row -> row.get(0)).toList();
    }
}
