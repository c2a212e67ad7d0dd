package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers are remembered across the reports of one job for one client (the output folder): the monthly board
 * report run for three consecutive month ends on the sample's exports says on page 1 which triggers were raised
 * in three reports in a row and which the previous report raised and this one does not.
 */
class TriggerMemoryIntegrationTests {

    @TempDir
    Path temp;

    private CliRun run(Path out, String asOf) {
        CliRun run = CliRun.of(temp.resolve("home"), "run", "monthly-board-report", "--input", "sample-data",
                "--as-of", asOf, "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return run;
    }

    private static String pageOne(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theThirdMonthlyReportSaysWhatPersistedAndWhatWasResolved() throws Exception {
        Path out = temp.resolve("acme");
        run(out, "2026-08-31");
        String first = pageOne(out.resolve("board-report.pdf"));
        assertThat(first).doesNotContain("Raised in").doesNotContain("New since the last report");

        run(out, "2026-09-30");
        run(out, "2026-10-31");
        List<CSVRecord> memory = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/trigger_persistence.csv"));
        // Northwind over the concentration threshold at all three month ends: raised 3 times in a row since August.
        assertThat(memory).filteredOn(r -> r.get("subject").equals("Northwind Aerospace")).singleElement().satisfies(r -> {
            assertThat(r.get("state")).isEqualTo("still open");
            assertThat(r.get("consecutive_reports")).isEqualTo("3");
            assertThat(r.get("first_raised")).isEqualTo("2026-08-31");
        });
        // Tom Kowalski had created nothing for two weeks at the end of September, and had by the end of October.
        assertThat(memory).filteredOn(r -> r.get("subject").equals("Tom Kowalski")).singleElement()
                .satisfies(r -> assertThat(r.get("state")).isEqualTo("resolved"));
        // Marcus Oyelaran's inactivity is first raised at the end of October.
        assertThat(memory).filteredOn(r -> r.get("subject").equals("Marcus Oyelaran")).singleElement()
                .satisfies(r -> assertThat(r.get("state")).isEqualTo("new"));

        String third = pageOne(out.resolve("board-report.pdf"));
        assertThat(third).contains("Northwind Aerospace is 23% of trailing-12-month revenue")
                .contains("Raised in 3 reports in a row since August 2026, unresolved.")
                .contains("Resolved since the last report: Tom Kowalski has created no new opportunities")
                .contains("New since the last report.");
        // Persisting issues come before new ones whatever their revenue at risk.
        assertThat(third.indexOf("Harbor Metals")).isLessThan(third.indexOf("Marcus Oyelaran has created"));
    }

    @Test
    void anotherClientsReportsAreNotItsHistory() throws Exception {
        run(temp.resolve("acme"), "2026-09-30");
        run(temp.resolve("globex"), "2026-10-31");
        String page = pageOne(temp.resolve("globex").resolve("board-report.pdf"));
        assertThat(page).doesNotContain("Raised in").doesNotContain("Resolved since").doesNotContain("New since");
    }
}
