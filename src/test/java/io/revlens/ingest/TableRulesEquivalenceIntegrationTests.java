package io.revlens.ingest;

import io.revlens.ingest.recognise.ProfileCatalog;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of {@link io.revlens.ingest.map.TableRules}, one case per rule: the same CSV is loaded through the bulk path (DuckDB's reader,
 * the rule's SQL form) and row by row (its Java form) into two DuckDB files, and both give identical canonical rows
 * and rejects; then the rows the rule decides are asserted, so a rule broken in both forms fails too. The values
 * are in canonical form (ISO dates, plain numbers), so on the bulk path SQL loads the rows the rule applies to; how
 * many rows SQL loaded and how many it left to Java (the writer's debug line) is asserted too, so a case cannot pass
 * by sending its rows to the Java form alone.
 */
class TableRulesEquivalenceIntegrationTests {

    private static final String DEALS_HEADER = "Record ID,Deal Name,Associated Company,Deal owner,Deal Stage,Amount,"
            + "Currency,Create Date,Close Date,Deal Type\n";
    /** An invoice-lines export with a currency default, a credit marker column and a credit-note number prefix. */
    private static final String LINES_PROFILE = """
            name: test-invoice-lines
            description: invoice lines with credit notes
            kind: revenue_lines
            priority: 90
            match:
              required: [Invoice No, Doc Type]
            columns:
              document_number: [Invoice No]
              customer_name: [Customer]
              line_date: [Invoice Date]
              amount: [Line Amount]
              quantity: [Qty]
              currency: [Ccy]
              document_type: [Doc Type]
            currency: eur
            credit:
              column: document_type
              values: [Credit Note]
              prefixes: [CN-]
            """;
    private static final String LINES_HEADER = "Invoice No,Customer,Invoice Date,Line Amount,Qty,Ccy,Doc Type\n";

    @TempDir
    Path dir;

    @Test
    void aDealWithoutAnIdIsKnownByItsName() throws Exception {
        Loaded loaded = loadBothWays("hubspot-deals.csv", DEALS_HEADER
                + "1,Has an id,Acme,Ann,Qualified,10,USD,2026-01-05,,\n"
                + ",No id,Acme,Ann,Qualified,20,USD,2026-01-06,,\n");

        assertThat(query("select opportunity_id, opportunity_name from opportunities order by source_row"))
                .containsExactly(List.of("1", "Has an id"), List.of("No id", "No id"));
        assertThat(loaded.rejects()).isEmpty();
        assertThat(loaded.split()).isEqualTo("2 of 2 rows loaded in SQL, 0 mapped row by row");
    }

    @Test
    void aDealsStatusComesFromItsStageAndADealsTypeFromItsLabel() throws Exception {
        Loaded loaded = loadBothWays("hubspot-deals.csv", DEALS_HEADER
                + "1,Mapped stage,Acme,Ann,closedwon,10,USD,2026-01-05,2026-02-01,New Business\n"
                + "2,Closed label,Acme,Ann,Closed Lost,10,USD,2026-01-05,2026-02-01,Upsell\n"
                + "3,Not an outcome,Acme,Ann,Won't buy,10,USD,2026-01-05,,Renewal\n"
                + "4,Open,Acme,Ann,Proposal,10,USD,2026-01-05,,Partner deal\n");

        assertThat(query("select opportunity_id, status, opportunity_type from opportunities order by source_row"))
                .containsExactly(List.of("1", "won", "new"), List.of("2", "lost", "expansion"),
                        List.of("3", "open", "renewal"), List.of("4", "open", "null"));
        assertThat(loaded.split()).isEqualTo("4 of 4 rows loaded in SQL, 0 mapped row by row");
    }

    @Test
    void aCrmsWonAndClosedFlagsDecideTheStatusWhateverTheStageIsCalled() throws Exception {
        Loaded loaded = loadBothWays("Opportunity.csv", "Id,Name,StageName,Amount,CreatedDate,CloseDate,IsWon,IsClosed\n"
                + "006A,Flag won,Signed,10,2026-01-05,2026-02-01,true,true\n"
                + "006B,Flag lost,Signed,10,2026-01-05,2026-02-01,false,true\n"
                + "006C,Flag open,Closed Won,10,2026-01-05,,false,false\n"
                + "006D,Blank flags,Closed Won,10,2026-01-05,,,\n");

        assertThat(query("select opportunity_id, status from opportunities order by source_row"))
                .containsExactly(List.of("006A", "won"), List.of("006B", "lost"), List.of("006C", "open"),
                        List.of("006D", "open"));
        assertThat(loaded.split()).isEqualTo("4 of 4 rows loaded in SQL, 0 mapped row by row");
    }

    @Test
    void aBlankCurrencyIsTheProfilesAndEveryCurrencyIsUpperCase() throws Exception {
        Loaded loaded = loadBothWays("lines.csv", LINES_HEADER
                + "INV-1,Acme,2026-01-05,100,1,usd,Invoice\n"
                + "INV-2,Acme,2026-01-06,100,1,,Invoice\n");

        assertThat(query("select document_number, currency from revenue_lines order by source_row"))
                .containsExactly(List.of("INV-1", "USD"), List.of("INV-2", "EUR"));
        assertThat(loaded.split()).isEqualTo("2 of 2 rows loaded in SQL, 0 mapped row by row");
    }

    @Test
    void creditNotesAreStoredNegativeAndEveryNegativeLineIsACredit() throws Exception {
        Loaded loaded = loadBothWays("lines.csv", LINES_HEADER
                + "INV-1,Acme,2026-01-05,100,2,USD,Invoice\n"
                + "INV-2,Acme,2026-01-06,50,2,USD,credit note\n"
                + "CN-3,Acme,2026-01-07,30,1,USD,Invoice\n"
                + "INV-4,Acme,2026-01-08,-40,1,USD,Invoice\n"
                + "INV-5,Acme,2026-01-09,-25,-1,USD,Credit Note\n");

        assertThat(query("select document_number, amount, quantity, is_credit from revenue_lines order by source_row"))
                .containsExactly(List.of("INV-1", "100.00", "2.0000", "false"),
                        List.of("INV-2", "-50.00", "-2.0000", "true"),
                        List.of("CN-3", "-30.00", "-1.0000", "true"),
                        List.of("INV-4", "-40.00", "1.0000", "true"),
                        List.of("INV-5", "-25.00", "-1.0000", "true"));
        assertThat(loaded.split()).isEqualTo("5 of 5 rows loaded in SQL, 0 mapped row by row");
    }

    @Test
    void aRowWithoutARequiredValueIsRejectedNamingEachMissingColumn() throws Exception {
        Loaded loaded = loadBothWays("lines.csv", LINES_HEADER
                + "INV-1,Acme,2026-01-05,100,1,USD,Invoice\n"
                + "INV-2,Acme,,100,1,USD,Invoice\n"
                + "INV-3,Acme,,,1,USD,Invoice\n");

        assertThat(query("select document_number from revenue_lines")).containsExactly(List.of("INV-1"));
        assertThat(loaded.rejects()).extracting(row -> List.of(row.get(2), row.get(3), row.get(5)))
                .containsExactlyInAnyOrder(
                        List.of("3", "Invoice Date", "missing required value (line_date)"),
                        List.of("4", "Invoice Date", "missing required value (line_date)"),
                        List.of("4", "Line Amount", "missing required value (amount)"));
        // SQL loads what has every required value and leaves the others to Java, which rejects them.
        assertThat(loaded.split()).isEqualTo("1 of 3 rows loaded in SQL, 2 mapped row by row");
    }

    @Test
    void aRosterListsARepOnceAndKeepsTheFirstRow() throws Exception {
        Loaded loaded = loadBothWays("reps.csv", "Rep Name,Role,Hire Date,Quota\n"
                + "Ann,AE,2025-06-01,150000\n"
                + "Bob,AE,2025-07-01,150000\n"
                + "ANN,SDR,2025-08-01,90000\n");

        assertThat(query("select rep_name, role from reps order by source_row"))
                .containsExactly(List.of("Ann", "AE"), List.of("Bob", "AE"));
        assertThat(loaded.rejects()).extracting(row -> List.of(row.get(2), row.get(4), row.get(5)))
                .containsExactly(List.of("4", "ANN",
                        "duplicate rep: the same name is already on row 2 of this file (the first is kept)"));
        // Every row of a repeated name goes to Java, which keeps the first.
        assertThat(loaded.split()).isEqualTo("1 of 3 rows loaded in SQL, 2 mapped row by row");
    }

    /**
     * Loads one file through both paths, asserts the two databases hold the same canonical rows, rejects and file
     * accounting and that the bulk path took the file, and returns the tables (rejects without their file path).
     */
    private Loaded loadBothWays(String name, String content) throws Exception {
        Path file = dir.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Path profiles = dir.resolve("profiles");
        Files.createDirectories(profiles);
        Files.writeString(profiles.resolve("test-invoice-lines.yml"), LINES_PROFILE, StandardCharsets.UTF_8);
        ProfileCatalog catalog = ProfileCatalog.load(profiles);

        // The load step's writer logs how the bulk path split the file; a renamed writer fails every case here.
        Logger writerLog = (Logger) LoggerFactory.getLogger("io.revlens.ingest.load.CanonicalRowWriter");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = writerLog.getLevel();
        writerLog.setLevel(Level.DEBUG);
        writerLog.addAppender(events);
        try {
            LoadRun.run(dir.resolve("bulk.duckdb"), List.of(file), Map.of(), catalog, true);
        } finally {
            writerLog.detachAppender(events);
            writerLog.setLevel(level);
        }
        String split = events.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("rows loaded in SQL")).findFirst().orElse("no bulk load logged");
        LoadRun.run(dir.resolve("rows.duckdb"), List.of(file), Map.of(), catalog, false);

        Map<String, List<List<String>>> bulk = tables(dir.resolve("bulk.duckdb"));
        assertThat(bulk).isEqualTo(tables(dir.resolve("rows.duckdb")));
        assertThat(LoadRun.query(dir.resolve("bulk.duckdb"), "select load_method from source_files"))
                .containsExactly(List.of("bulk"));
        assertThat(LoadRun.query(dir.resolve("rows.duckdb"), "select load_method from source_files"))
                .containsExactly(List.of("rows"));
        return new Loaded(bulk, split.substring(split.indexOf(": ") + 2));
    }

    /** A load's tables, and how the bulk path split the rows ("3 of 4 rows loaded in SQL, 1 mapped row by row"). */
    private record Loaded(Map<String, List<List<String>>> tables, String split) {
        List<List<String>> rejects() {
            return tables.get("rejects");
        }
    }

    private static Map<String, List<List<String>>> tables(Path db) throws Exception {
        Map<String, List<List<String>>> tables = new java.util.LinkedHashMap<>();
        for (String table : List.of("opportunities", "accounts", "reps", "revenue_lines", "rejects")) {
            tables.put(table, LoadRun.query(db, "select * from " + table + " order by all"));
        }
        tables.put("source_files", LoadRun.query(db, "select path, kind, profile, rows_read, rows_loaded, rows_rejected,"
                + " rows_skipped, status, message from source_files"));
        return tables;
    }

    private List<List<String>> query(String sql) throws Exception {
        return LoadRun.query(dir.resolve("bulk.duckdb"), sql);
    }
}
