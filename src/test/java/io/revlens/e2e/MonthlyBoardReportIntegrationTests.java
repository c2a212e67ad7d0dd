package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.revlens.sample.RawSampleFacts;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revlens demo} on the bundled sample company, end to end: the planted facts must appear in
 * the PDF with the values computed independently from the raw sample files (RawSampleFacts reads
 * them with plain commons-csv and POI, never through RevLens's tables).
 */
class MonthlyBoardReportIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    @TempDir
    static Path temp;

    static CliRun run;
    static Path out;
    static RawSampleFacts facts;

    @BeforeAll
    static void runDemo() throws Exception {
        out = temp.resolve("demo");
        run = CliRun.of(temp.resolve("home"), "demo", "--out", out.toString());
        facts = RawSampleFacts.read(Path.of("sample-data"));
    }

    @Test
    void demoSucceedsAndSaysWhereThePdfIs() {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + out.resolve("board-report.pdf"))
                .contains("as of 2026-10-31 (latest transaction date in the data)")
                .contains("rows read =");
        assertThat(out.resolve("board-report.pdf")).isRegularFile();
        // the business summary beside the row accounting: the top issues and one line of key numbers
        String top = RawSampleFacts.largest(facts.revenueT12m(AS_OF));
        assertThat(run.out()).contains("Headline:\n  1. " + top + " is ")
                .containsPattern("\n  Revenue, trailing 12 months: \\$[0-9.]+M \\((green|amber|red)\\) · Bookings this month: ");
    }

    @Test
    void topCustomerShareInThePdfMatchesTheRawInvoiceLines() throws Exception {
        Map<String, BigDecimal> t12m = facts.revenueT12m(AS_OF);
        String top = RawSampleFacts.largest(t12m);
        BigDecimal share = RawSampleFacts.share(t12m, top);

        PdfText pdf = PdfText.of(out.resolve("board-report.pdf"));

        assertThat(top).isEqualTo("Northwind Aerospace");
        assertThat(share).isBetween(new BigDecimal("0.20"), new BigDecimal("0.25"));
        assertThat(pdf.text()).contains("Top customer " + top + " holds " + percent(share));
        assertThat(pdf.text()).contains(top + " is " + wholePercent(share) + " of trailing-12-month revenue (over the 20% threshold)");
        assertThat(pdf.pages()).isBetween(3, 6);
        // The metric CSV carries the unrounded share.
        CSVRecord first = csv(out.resolve("metrics/customer_concentration.csv")).get(0);
        assertThat(first.get("customer_name")).isEqualTo(top);
        assertThat(new BigDecimal(first.get("revenue_t12m"))).isEqualByComparingTo(t12m.get(top));
        assertThat(Double.parseDouble(first.get("revenue_share"))).isCloseTo(share.doubleValue(), within(1e-12));
    }

    @Test
    void winRatesInThePdfMatchTheRawDealsExport() throws Exception {
        RawSampleFacts.Rate winRate = facts.winRateT12m(AS_OF);
        RawSampleFacts.Rate proposal = facts.proposalWinRateT12m(AS_OF);

        PdfText pdf = PdfText.of(out.resolve("board-report.pdf"));

        assertThat(pdf.text()).contains("Win rate, trailing 12 months: " + percent(winRate.value())
                + " (" + winRate.won() + " won of " + winRate.closed() + " closed");
        assertThat(pdf.text()).contains("Proposal-stage win rate: " + percent(proposal.value())
                + " (" + proposal.won() + " won of " + proposal.closed() + " deals that reached Proposal)");
        assertThat(proposal.value().doubleValue()).isBetween(0.20, 0.30);
        CSVRecord summary = csv(out.resolve("metrics/win_rate_summary.csv")).get(0);
        assertThat(Long.parseLong(summary.get("won_count"))).isEqualTo(winRate.won());
        assertThat(Long.parseLong(summary.get("won_count")) + Long.parseLong(summary.get("lost_count"))).isEqualTo(winRate.closed());
    }

    @Test
    void lastYearsLargestCustomerIsReportedDownWithTheRevenueAtRisk() throws Exception {
        Map<String, BigDecimal> prior = facts.revenuePriorT12m(AS_OF);
        Map<String, BigDecimal> now = facts.revenueT12m(AS_OF);
        String lastYearsLargest = RawSampleFacts.largest(prior);
        BigDecimal drop = prior.get(lastYearsLargest).subtract(now.get(lastYearsLargest));
        BigDecimal dropRate = drop.divide(prior.get(lastYearsLargest), 4, RoundingMode.HALF_UP);

        String text = PdfText.of(out.resolve("board-report.pdf")).text().replace("\n", " ");

        assertThat(dropRate.doubleValue()).isBetween(0.35, 0.50);
        assertThat(text).contains(lastYearsLargest + ", last year's largest customer, is down "
                + dropRate.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "% year over year: $"
                + drop.movePointLeft(3).setScale(0, RoundingMode.HALF_UP) + "K of revenue at risk.");
    }

    @Test
    void rampAndInactivityFactsAreFlagged() throws Exception {
        List<CSVRecord> ramp = csv(out.resolve("metrics/rep_ramp.csv"));
        assertThat(ramp).filteredOn(r -> r.get("rep_name").equals("Chloe Tanaka"))
                .singleElement().satisfies(r -> assertThat(r.get("ramp_status")).isEqualTo("behind ramp"));
        assertThat(ramp).filteredOn(r -> r.get("rep_name").equals("Lucas Moreno"))
                .singleElement().satisfies(r -> assertThat(r.get("ramp_status")).isEqualTo("on track"));
        // Independently: the one tenured rep whose last deal is 3+ weeks before the as-of date.
        List<String> quiet = facts.lastCreateDateByRep().entrySet().stream()
                .filter(e -> facts.reps().stream().anyMatch(r -> r.name().equals(e.getKey()) && r.endDate() == null))
                .filter(e -> e.getValue().isBefore(AS_OF.minusWeeks(3)))
                .map(Map.Entry::getKey).toList();
        assertThat(quiet).containsExactly("Marcus Oyelaran");
        List<CSVRecord> inactivity = csv(out.resolve("metrics/rep_inactivity.csv"));
        assertThat(inactivity).filteredOn(r -> r.get("is_inactive").equals("true"))
                .extracting(r -> r.get("rep_name")).containsExactly("Marcus Oyelaran");
        assertThat(PdfText.of(out.resolve("board-report.pdf")).text())
                .contains("Marcus Oyelaran has created no new opportunities in 4 weeks")
                .contains("Chloe Tanaka, hired June 22, 2026, is behind ramp");
    }

    @Test
    void everyFileIsAccountedForInTheRunSummary() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(summary.path("files")).hasSize(6);
        for (JsonNode file : summary.path("files")) {
            assertThat(file.path("rows_read").asLong()).as(file.path("path").asText())
                    .isEqualTo(file.path("rows_loaded").asLong() + file.path("rows_rejected").asLong()
                            + file.path("rows_skipped").asLong());
        }
        assertThat(summary.path("files").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("accounts", "opportunities", "revenue_lines", "reps", "activities", "activities");
        assertThat(csv(out.resolve("metrics/customer_concentration.csv"))).isNotEmpty();
        assertThat(out.resolve("rejects.csv")).isRegularFile();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String wholePercent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
