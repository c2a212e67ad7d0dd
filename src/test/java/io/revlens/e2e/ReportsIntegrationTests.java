package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.revlens.sample.RawSampleFacts;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarterly packet (PDF + XLSX) on the sample and the data-dump report on the Maven CRM dataset. */
class ReportsIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void quarterlyPacketHasEverySectionTheSampleNumbersAndAWorkbookWithoutFormulas() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 9, 30);
        Path out = temp.resolve("packet");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--as-of", asOf.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        PdfText pdf = PdfText.of(out.resolve("quarterly-packet.pdf"));
        assertThat(pdf.text()).contains("Calibra Instruments, Inc.", "Quarterly planning packet", "As of 2026-09-30 (given with --as-of)",
                "What needs attention", "Funnel by source and segment", "Win rate by source, segment and product",
                "New reps: 90-day ramp", "Next quarter, stalled deals, retention",
                "Forecast for next quarter: ", "weighted by stage win rates", "The gap to the target of",
                "gross revenue retention is", "Stalled deals", "Cohorts: deals by quarter created",
                "Rep scorecard: Chloe Tanaka", "Rep scorecard: Lucas Moreno", "Data sources", "Page 1 of " + pdf.pages());
        // One page per rep on the roster's active reps (12), after the company sections.
        assertThat(pdf.pages()).isGreaterThanOrEqualTo(12 + 6);
        RawSampleFacts facts = RawSampleFacts.read(Path.of("sample-data"));
        Map<String, BigDecimal> t12m = facts.revenueT12m(asOf);
        String top = RawSampleFacts.largest(t12m);
        assertThat(pdf.text()).contains("Top customer " + top + " holds "
                + RawSampleFacts.share(t12m, top).movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%");

        Path xlsx = out.resolve("quarterly-planning-packet.xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            // A Contents sheet first: every table's sheet, linked, with what one row of it is.
            Sheet contents = wb.getSheetAt(0);
            assertThat(contents.getSheetName()).isEqualTo("Contents");
            assertThat(contents.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("Calibra Instruments, Inc.: every metric table of this run, as of 2026-09-30");
            Row concentrationEntry = null;
            for (Row row : contents) {
                if (row.getRowNum() > 2 && "customer_concentration".equals(row.getCell(1).getStringCellValue())) {
                    concentrationEntry = row;
                }
            }
            assertThat(concentrationEntry).isNotNull();
            assertThat(concentrationEntry.getCell(0).getStringCellValue()).isEqualTo("Customer concentration");
            assertThat(concentrationEntry.getCell(0).getHyperlink().getAddress()).isEqualTo("'Customer concentration'!A1");
            assertThat(concentrationEntry.getCell(3).getStringCellValue()).isEqualTo("one row per customer with positive T12M revenue");
            assertThat(wb.getSheet("Win rate summary")).isNotNull();
            // Each table under the company and as-of date; money in dollars, shares as percentages.
            Sheet concentration = wb.getSheet("Customer concentration");
            assertThat(concentration.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("Calibra Instruments, Inc. · as of 2026-09-30 · customer_concentration");
            assertThat(concentration.getRow(1).getCell(0).getStringCellValue()).isEqualTo("customer_name");
            assertThat(concentration.getRow(1).getCell(3).getStringCellValue()).isEqualTo("revenue_share");
            assertThat(concentration.getRow(2).getCell(0).getStringCellValue()).isEqualTo(top);
            assertThat(concentration.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(concentration.getRow(2).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("\"$\"#,##0;-\"$\"#,##0");
            assertThat(concentration.getRow(2).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(concentration.getRow(2).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(concentration.getPaneInformation().isFreezePane()).isTrue();
            assertThat(concentration.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void packetPlansTheQuarterAndNoPageIsNearlyEmpty() throws Exception {
        Path out = temp.resolve("packet");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "quarterly-planning-packet", "--as-of", "2026-09-30", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> pages = PdfText.pageTexts(out.resolve("quarterly-packet.pdf"));
        // A contents page first: every section and rep page with the page its bookmark opens.
        String contents = pages.get(0);
        Map<String, Integer> sections = PdfText.bookmarkPages(out.resolve("quarterly-packet.pdf"));
        assertThat(sections).hasSizeGreaterThanOrEqualTo(10 + 12).containsEntry("What needs attention", 2);
        assertThat(contents).contains("Contents");
        for (Map.Entry<String, Integer> section : sections.entrySet()) {
            assertThat(contents).contains(section.getKey() + " " + section.getValue() + " ");
            assertThat(pages.get(section.getValue() - 1)).as("page %d", section.getValue()).contains(section.getKey());
        }
        // each entry links to its page (the title and the number)
        assertThat(new java.util.TreeSet<>(PdfText.linkTargets(out.resolve("quarterly-packet.pdf"), 1)))
                .isEqualTo(new java.util.TreeSet<>(sections.values()));
        String plan = pages.get(sections.get("Scorecard, Rocks and quota") - 1);
        assertThat(plan).contains("Scorecard, Rocks and quota", "Calls (team) Tom Kowalski ≥ 150",
                "Meetings (team) Tom Kowalski ≥ 35", "Rocks: this quarter's goals", "Quota attainment, the last four quarters");
        // The page shows what the metric tables hold (their arithmetic is checked by PlanningGoldenIntegrationTests).
        int flagged = 0;
        for (CSVRecord measurable : csv(out.resolve("metrics/scorecard_summary.csv"))) {
            if ("true".equals(measurable.get("flagged"))) {
                assertThat(plan).contains(measurable.get("name") + ": " + measurable.get("flag_text") + ".");
                flagged++;
            }
        }
        assertThat(flagged).as("measurables flagged as not prompting action").isPositive();
        List<CSVRecord> rocks = csv(out.resolve("metrics/rock_progress.csv"));
        assertThat(rocks).hasSize(2);
        for (CSVRecord rock : rocks) {
            assertThat(rock.get("status")).isNotEmpty();
            assertThat(plan).contains(rock.get("name")).contains(rock.get("status"));
        }
        for (CSVRecord quarter : csv(out.resolve("metrics/rep_quota_attainment.csv"))) {
            if (quarter.get("rep_name").equals("Dana Whitfield") && quarter.get("quarter_start").equals("2026-07-01")) {
                assertThat(plan).contains(String.format(java.util.Locale.ROOT, "Q3 26: %.0f%%",
                        Double.parseDouble(quarter.get("attainment")) * 100));
            }
        }
        assertThat(String.join(" ", pages)).contains("Forecast for next quarter: ", "The gap to the target of");
        // a bookmark for every section and every rep page, in page order
        assertThat(PdfText.bookmarks(out.resolve("quarterly-packet.pdf"))).startsWith("What needs attention",
                "Scorecard, Rocks and quota", "Revenue and customer concentration").contains("Rep scorecard: Chloe Tanaka")
                .endsWith("Data sources");
        assertNoPageIsNearlyEmpty(out.resolve("quarterly-packet.pdf"));

        // The weekly chart is the team's total per week (one series, not a line per rep), from rep_weekly_activity;
        // the week of the as-of date (Wednesday September 30) is marked as partial.
        Map<String, Long> perWeek = new java.util.TreeMap<>();
        for (CSVRecord row : csv(out.resolve("metrics/rep_weekly_activity.csv"))) {
            perWeek.merge(row.get("week_start").substring(5), Long.parseLong(row.get("new_opportunities")), Long::sum);
        }
        var design = net.sf.jasperreports.engine.xml.JRXmlLoader.load(Path.of("reports/quarterly-packet.jrxml").toFile());
        try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:" + out.resolve("revlens.duckdb"));
             var statement = duckdb.createStatement();
             var rs = statement.executeQuery(design.getDatasetMap().get("weekly").getQuery().getText())) {
            Map<String, Long> charted = new java.util.TreeMap<>();
            java.util.Set<String> series = new java.util.HashSet<>();
            String last = null;
            while (rs.next()) {
                series.add(rs.getString("series"));
                last = rs.getString("week_label");
                charted.put(last.replace(" to date", ""), rs.getLong("new_opportunities"));
            }
            assertThat(series).hasSize(1);
            assertThat(last).isEqualTo("09-28 to date");
            assertThat(charted).hasSize(13).isEqualTo(perWeek);
        }
    }

    /**
     * No page under a third full, except a page a section starts on (a short section's own page): a section never
     * spills a few rows onto a page of their own. Every page has 60 words or more and says "Page i of N".
     */
    static void assertNoPageIsNearlyEmpty(Path pdf) throws Exception {
        List<String> pages = PdfText.pageTexts(pdf);
        List<Double> filled = PdfText.filledShares(pdf);
        java.util.Set<Integer> sectionStarts = new java.util.HashSet<>(PdfText.bookmarkPages(pdf).values());
        for (int page = 0; page < pages.size(); page++) {
            assertThat(pages.get(page).split(" ").length).as("words on page %d of %s: %s", page + 1, pdf.getFileName(), pages.get(page))
                    .isGreaterThanOrEqualTo(60);
            if (!sectionStarts.contains(page + 1)) {
                assertThat(filled.get(page)).as("share of page %d of %s filled: %s", page + 1, pdf.getFileName(), pages.get(page))
                        .isGreaterThanOrEqualTo(1.0 / 3);
            }
            // numbered without gaps in the text ("Page 3 of 21", not "Page 3 of  21")
            assertThat(pages.get(page)).contains("Page " + (page + 1) + " of " + pages.size());
        }
    }

    @Test
    void boardReportMidMonthMarksThePartialPeriodsAndLabelsTheFunnelWithItsConversions() throws Exception {
        Path out = temp.resolve("board");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--as-of", "2026-10-15", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertNoPageIsNearlyEmpty(out.resolve("board-report.pdf"));
        // Six KPI tiles, each with its own 12-month line: strokes in the accent colour in six places (three columns,
        // two rows), not only in the first tile; the bookings line ends on the month so far.
        String first = PdfText.pageTexts(out.resolve("board-report.pdf")).get(0);
        assertThat(first.split("line: 12 months", -1)).hasSize(5 + 1);
        assertThat(first).contains("line ends Oct 26 to date");
        java.util.Set<String> tiles = new java.util.HashSet<>();
        List<Double> rows = new java.util.ArrayList<>();
        for (var line : PdfText.strokes(out.resolve("board-report.pdf"), 1, new java.awt.Color(0x1A, 0x23, 0x7E))) {
            double y = line.getCenterY();
            int row = -1;
            for (int r = 0; r < rows.size(); r++) {
                if (Math.abs(rows.get(r) - y) < 30) {
                    row = r;
                }
            }
            if (row < 0) {
                rows.add(y);
                row = rows.size() - 1;
            }
            tiles.add((int) ((line.getCenterX() - 36) / (523 / 3.0)) + "/" + row);
        }
        assertThat(tiles).as("tiles with a line").hasSize(6);

        // The charts' categories as the template selects them from the run's database.
        var design = net.sf.jasperreports.engine.xml.JRXmlLoader.load(Path.of("reports/board-monthly.jrxml").toFile());
        try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:" + out.resolve("revlens.duckdb"));
             var statement = duckdb.createStatement()) {
            List<String> months = column(statement, design.getDatasetMap().get("revenue").getQuery().getText(), "month_label");
            assertThat(months).hasSize(24).startsWith("Nov 24").endsWith("Sep 26", "Oct 26 to date");
            assertThat(column(statement, design.getDatasetMap().get("winq").getQuery().getText(), "quarter_label"))
                    .endsWith("Q3 26", "Q4 26 to date");
            List<String> expected = new java.util.ArrayList<>();
            for (CSVRecord stage : csv(out.resolve("metrics/stage_funnel.csv"))) {
                expected.add(stage.get("stage") + (stage.get("conversion_rate").isEmpty() ? "" : String.format(java.util.Locale.ROOT,
                        ": %.0f%% move on", Double.parseDouble(stage.get("conversion_rate")) * 100)));
            }
            assertThat(column(statement, design.getDatasetMap().get("funnel").getQuery().getText(), "stage_label"))
                    .containsExactlyElementsOf(expected).contains("Closed Won");
        }
        // The win-rate line ranks whole quarters only: Q4 26 (to October 15) is named as the quarter so far.
        String best = null;
        double bestRate = -1;
        for (CSVRecord quarter : csv(out.resolve("metrics/win_rate_quarterly.csv"))) {
            if (!quarter.get("win_rate").isEmpty() && !quarter.get("quarter_start").equals("2026-10-01")
                    && Double.parseDouble(quarter.get("win_rate")) >= bestRate) { // the later of equal quarters, as the SQL orders them
                bestRate = Double.parseDouble(quarter.get("win_rate"));
                LocalDate start = LocalDate.parse(quarter.get("quarter_start"));
                best = "Q" + ((start.getMonthValue() + 2) / 3) + " " + (start.getYear() % 100);
            }
        }
        String winRateLine = csv(out.resolve("metrics/chart_takeaways.csv")).stream()
                .filter(r -> r.get("chart").equals("win_rate")).findFirst().orElseThrow().get("sentence");
        assertThat(winRateLine).contains("best quarter " + best + " at ").endsWith("Q4 26 is the quarter so far (to Oct 15), not ranked.");
    }

    private static List<String> column(java.sql.Statement statement, String sql, String column) throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (var rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (var reader = Files.newBufferedReader(file);
             var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    @Test
    void boardReportAndPacketAlsoRenderOnTheMavenDataset() throws Exception {
        Path dataset = SharedDatasets.require("maven-crm-sales-opportunities");
        for (String[] job : new String[][] {{"monthly-board-report", "board-report.pdf"}, {"quarterly-planning-packet", "quarterly-packet.pdf"}}) {
            Path out = temp.resolve(job[0]);
            CliRun run = CliRun.of(temp.resolve("home"), "run", job[0], "--input", dataset.toString(), "--as-of", "2017-12-31",
                    "--out", out.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            PdfText pdf = PdfText.of(out.resolve(job[1]));
            // No hire dates and no stage history: said, not guessed.
            assertThat(pdf.text()).contains("As of 2017-12-31 (given with --as-of)", "What needs attention",
                    "no hire date", "Data sources", "sales_pipeline.csv opportunities generic-opportunities 8,800 8,800 0 0");
            assertNoPageIsNearlyEmpty(out.resolve(job[1]));
        }
    }

    @Test
    void dumpAnalysisInventoriesEveryFileAndSaysWhatCouldNotBeComputed() throws Exception {
        Path dataset = SharedDatasets.require("maven-crm-sales-opportunities");
        Path out = temp.resolve("dump");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", dataset.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        PdfText pdf = PdfText.of(out.resolve("client-dump-analysis.pdf"));
        assertThat(pdf.text()).contains("Data-dump analysis", "As of 2017-12-31 (latest transaction date in the data)",
                "sales_pipeline.csv opportunities 8,800 8,800 0 0", "accounts.csv accounts 85 85 0 0",
                "products.csv unknown 7 0 0 7", "not recognised as a known export",
                "What could not be computed, and why", "rep_ramp no hire dates: ramp not computed",
                "pipeline_coverage no quotas or targets", "win_rate_summary no stage history: proposal-stage win rate not computed",
"Data-quality findings", "Win rate, trailing 12 months: ", "Data sources");
        assertThat(out.resolve("client-dump-analysis.xlsx")).isRegularFile();
        assertNoPageIsNearlyEmpty(out.resolve("client-dump-analysis.pdf"));
    }
}
