package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pseudonymise} on the bundled sample: no real person name (roster reps, managers, deal owners) is in
 * the PDF, the metric CSVs, rejects.csv or the workbook, the same person has the same pseudonym everywhere,
 * and company names stay.
 */
class PseudonymiseIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void personNamesAreReplacedConsistentlyInEveryOutput() throws Exception {
        Path out = temp.resolve("packet");
        // --row-level-tables: every deal's row (owner names) is in the outputs too
        CliRun run = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--pseudonymise",
                "--row-level-tables", "--as-of", "2026-10-31", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        Set<String> people = realPeople();
        assertThat(people).contains("Chloe Tanaka", "Tom Kowalski").hasSizeGreaterThanOrEqualTo(12);

        String pdf = PdfText.of(out.resolve("quarterly-packet.pdf")).text();
        List<String> texts = new ArrayList<>(List.of(pdf));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                texts.add(Files.readString(csv, StandardCharsets.UTF_8));
            }
        }
        StringBuilder workbook = new StringBuilder();
        try (InputStream in = Files.newInputStream(out.resolve("quarterly-planning-packet.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            workbook.append(cell.getStringCellValue()).append('\n');
                        }
                    }
                }
            }
        }
        texts.add(workbook.toString());
        assertThat(texts).hasSizeGreaterThan(10);
        for (String text : texts) {
            for (String person : people) {
                assertThat(text).as("a real name in an output").doesNotContain(person);
            }
        }

        // The rep behind ramp in the trigger is the same pseudonym on the rep pages and in the scorecard CSV.
        Matcher behind = Pattern.compile("(Rep \\d{2}), hired June 22, 2026, is behind ramp").matcher(pdf);
        assertThat(behind.find()).as(pdf).isTrue();
        String rep = behind.group(1);
        assertThat(pdf).contains("Rep scorecard: " + rep + " Hired 2026-06-22");
        assertThat(Files.readAllLines(out.resolve("metrics").resolve("rep_scorecard.csv")))
                .anySatisfy(line -> assertThat(line).startsWith(rep + ",2026-06-22"));
        assertThat(workbook.toString()).contains(rep);
        // Companies keep their names (the sample's largest customers appear in the concentration table).
        assertThat(Files.readString(out.resolve("metrics").resolve("customer_concentration.csv"))).contains("Granite Machining");
    }

    @Test
    void rejectedRowsAndDealNamesCarryNoRealNameEither() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("team.csv"), """
                Rep Name,Role,Hire Date,Manager
                Ann Lee,AE,2024-01-08,Tom Boss
                ann lee ,SDR,2025-01-06,Tom Boss
                """, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("deals.csv"), """
                opportunity_id,deal name,account,owner,stage,amount,created_date,close_date
                D1,Acme renewal (Ann Lee),Acme,Ann Lee,Closed Won,1000,2026-01-05,2026-01-20
                D2,Beta,Beta,Tom Boss,Closed Lost,500,2026-01-06,2026-01-25
                """, StandardCharsets.UTF_8);
        Path out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", in.toString(), "--pseudonymise", "--as-of", "2026-03-31",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        // Roster first: Ann Lee = Rep 01, her manager Tom Boss = Rep 02.
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(1)).contains("Rep Name,Rep 01,duplicate rep").doesNotContainIgnoringCase("ann lee");
        String pdf = PdfText.of(out.resolve("client-dump-analysis.pdf")).text();
        List<String> outputs = new ArrayList<>(List.of(pdf));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                outputs.add(Files.readString(csv, StandardCharsets.UTF_8));
            }
        }
        for (String text : outputs) {
            assertThat(text).doesNotContainIgnoringCase("ann lee").doesNotContain("Tom Boss");
        }
        assertThat(String.join("\n", outputs)).contains("Rep 01", "Rep 02");
    }

    /** Rep names and managers from the roster, and deal owners from the deals export. */
    private static Set<String> realPeople() throws Exception {
        Set<String> people = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(Path.of("sample-data", "sales-team.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                people.add(r.get("Rep Name"));
                if (!r.get("Manager").isBlank()) {
                    people.add(r.get("Manager"));
                }
            }
        }
        try (Reader reader = Files.newBufferedReader(Path.of("sample-data", "hubspot-deals.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                people.add(r.get("Deal owner"));
            }
        }
        people.remove("");
        return people;
    }
}
