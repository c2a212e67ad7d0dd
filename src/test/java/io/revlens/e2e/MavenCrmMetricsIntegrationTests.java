package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven CRM dataset through {@code revlens analyze}: the overall and per-agent win rates and the
 * account concentration, recomputed here in plain Java over the raw sales_pipeline.csv, must match
 * RevLens's metric CSVs exactly (counts and amounts exactly; ratios to 1e-12).
 */
class MavenCrmMetricsIntegrationTests {

    @TempDir
    static Path temp;

    static Path out;
    static List<CSVRecord> pipeline;
    static LocalDate asOf;

    @BeforeAll
    static void analyze() throws Exception {
        Path dataset = SharedDatasets.require("maven-crm-sales-opportunities");
        out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", dataset.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        pipeline = read(dataset.resolve("sales_pipeline.csv"));
        asOf = LocalDate.parse(MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/period_calendar.csv")).get(0).get("as_of_date"));
    }

    /** Won or lost, with a close date in (as_of − 12 months, as_of]. */
    private static boolean closedInT12m(CSVRecord r) {
        String stage = r.get("deal_stage");
        if (!stage.equals("Won") && !stage.equals("Lost") || r.get("close_date").isBlank()) {
            return false;
        }
        LocalDate close = LocalDate.parse(r.get("close_date"));
        return close.isAfter(asOf.minusMonths(12)) && !close.isAfter(asOf);
    }

    @Test
    void overallWinRateMatches() throws Exception {
        long won = pipeline.stream().filter(MavenCrmMetricsIntegrationTests::closedInT12m).filter(r -> r.get("deal_stage").equals("Won")).count();
        long lost = pipeline.stream().filter(MavenCrmMetricsIntegrationTests::closedInT12m).filter(r -> r.get("deal_stage").equals("Lost")).count();

        CSVRecord summary = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_summary.csv")).get(0);

        assertThat(asOf).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(Long.parseLong(summary.get("won_count"))).isEqualTo(won);
        assertThat(Long.parseLong(summary.get("lost_count"))).isEqualTo(lost);
        assertThat(Double.parseDouble(summary.get("win_rate"))).isCloseTo((double) won / (won + lost), within(1e-12));
        // No stage history in this export: the proposal-stage win rate is not guessed.
        assertThat(summary.get("proposal_win_rate")).isEmpty();
    }

    @Test
    void perAgentWinRatesMatch() throws Exception {
        Map<String, long[]> byAgent = new TreeMap<>();
        for (CSVRecord r : pipeline) {
            if (closedInT12m(r)) {
                long[] counts = byAgent.computeIfAbsent(r.get("sales_agent"), k -> new long[2]);
                counts[r.get("deal_stage").equals("Won") ? 0 : 1]++;
            }
        }
        Map<String, CSVRecord> reported = new HashMap<>();
        for (CSVRecord r : MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_by_dimension.csv"))) {
            if (r.get("dimension").equals("rep")) {
                reported.put(r.get("dimension_value"), r);
            }
        }
        assertThat(reported.keySet()).containsExactlyInAnyOrderElementsOf(byAgent.keySet());
        byAgent.forEach((agent, counts) -> {
            CSVRecord r = reported.get(agent);
            assertThat(Long.parseLong(r.get("won_count"))).as(agent).isEqualTo(counts[0]);
            assertThat(Long.parseLong(r.get("lost_count"))).as(agent).isEqualTo(counts[1]);
            assertThat(Double.parseDouble(r.get("win_rate"))).as(agent)
                    .isCloseTo((double) counts[0] / (counts[0] + counts[1]), within(1e-12));
        });
    }

    @Test
    void accountConcentrationFromWonDealsMatches() throws Exception {
        // No finance export: revenue = close_value of won deals by close date, per account.
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (CSVRecord r : pipeline) {
            if (closedInT12m(r) && r.get("deal_stage").equals("Won") && !r.get("account").isBlank()) {
                revenue.merge(r.get("account"), new BigDecimal(r.get("close_value")), BigDecimal::add);
            }
        }
        BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<CSVRecord> reported = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/customer_concentration.csv"));

        assertThat(reported).hasSize(revenue.size());
        for (CSVRecord r : reported) {
            BigDecimal expected = revenue.get(r.get("customer_name"));
            assertThat(new BigDecimal(r.get("revenue_t12m"))).as(r.get("customer_name")).isEqualByComparingTo(expected);
            assertThat(Double.parseDouble(r.get("revenue_share"))).as(r.get("customer_name"))
                    .isCloseTo(expected.divide(total, MathContext.DECIMAL64).doubleValue(), within(1e-12));
            assertThat(r.get("revenue_basis")).isEqualTo("won_opportunities");
        }
        double hhi = revenue.values().stream()
                .mapToDouble(v -> Math.pow(v.divide(total, MathContext.DECIMAL64).doubleValue(), 2)).sum() * 10000;
        CSVRecord summary = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/concentration_summary.csv")).get(0);
        assertThat(Double.parseDouble(summary.get("hhi"))).isCloseTo(hhi, within(1e-6));
        assertThat(summary.get("top_customer_name")).isEqualTo(RawTop.of(revenue));
    }

    @Test
    void whatTheExportDoesNotRecordIsUnknownNotZeroOrAHundredPercent() throws Exception {
        // What this export leaves out, read from the raw file: a lost deal's close_value is 0 and an open deal
        // (Prospecting, Engaging) has neither a close_value nor a close date, so close_value is what a deal closed
        // at; and the first close is 2017-03-01, inside the prior 12 months (2016) of the as-of date 2017-12-31.
        List<CSVRecord> lost = pipeline.stream().filter(r -> r.get("deal_stage").equals("Lost")).toList();
        List<CSVRecord> open = pipeline.stream().filter(r -> !r.get("deal_stage").equals("Won") && !r.get("deal_stage").equals("Lost")).toList();
        assertThat(lost).isNotEmpty().allMatch(r -> new BigDecimal(r.get("close_value")).signum() == 0);
        assertThat(open).isNotEmpty().allMatch(r -> r.get("close_value").isBlank() && r.get("close_date").isBlank());
        assertThat(pipeline.stream().map(r -> r.get("close_date")).filter(d -> !d.isBlank()).min(String::compareTo))
                .contains("2017-03-01");

        // lost deals worth nothing would make every win rate by value 100%
        assertThat(csvRows("win_rate_summary").get(0).get("win_rate_by_value")).isEmpty();
        assertThat(csvRows("win_rate_by_dimension")).isNotEmpty().allMatch(r -> r.get("win_rate_by_value").isEmpty());
        assertThat(csvRows("win_rate_quarterly")).allMatch(r -> r.get("win_rate_by_value").isEmpty());
        // open deals without amounts: the open pipeline is unknown now, at every month end and for every rep
        assertThat(csvRows("win_rate_summary").get(0).get("open_pipeline")).isEmpty();
        assertThat(csvRows("kpi_points")).filteredOn(r -> r.get("kpi").equals("open_pipeline")).hasSize(13)
                .allMatch(r -> r.get("value").isEmpty() && r.get("value_year_earlier").isEmpty());
        assertThat(csvRows("rep_scorecard")).hasSize(35).allMatch(r -> r.get("open_pipeline").isEmpty());
        // and without close dates on open deals, so is what they bring next quarter, and what is needed beyond it
        CSVRecord forecast = csvRows("next_quarter_forecast").get(0);
        assertThat(List.of(forecast.get("weighted_pipeline"), forecast.get("forecast"), forecast.get("pipeline_needed"),
                forecast.get("pipeline_needed_per_rep_week"))).allMatch(String::isEmpty);
        assertThat(csvRows("pipeline_coverage")).hasSize(1).allMatch(r -> r.get("open_pipeline").isEmpty());
        // revenue (won close values) starts inside the prior window: what customers bought in 2016 is unknown
        assertThat(csvRows("customer_trends")).isNotEmpty().allMatch(r -> r.get("revenue_prior_t12m").isEmpty()
                && r.get("change_amount").isEmpty() && r.get("rank_prior_t12m").isEmpty()
                && r.get("same_quarter_last_year_revenue").isEmpty());
        CSVRecord retention = csvRows("revenue_retention").get(0);
        assertThat(List.of(retention.get("customers_prior"), retention.get("revenue_prior"), retention.get("grr")))
                .allMatch(String::isEmpty);

        String pdf = PdfText.of(out.resolve("client-dump-analysis.pdf")).text();
        assertThat(pdf).contains("by value not computed: the lost deals carry no amounts")
                .contains("so prior-year revenue, year-over-year changes, declines and new customers are not computed")
                .doesNotContain("$0 $341,455");
    }

    @Test
    void aRepWithOpenDealsWithoutACreatedDateIsNotCalledInactive() throws Exception {
        // Prospecting deals carry no engage_date: when they were created is unknown, so one may be new.
        java.util.Set<String> undated = new java.util.TreeSet<>();
        pipeline.stream().filter(r -> r.get("deal_stage").equals("Prospecting") && r.get("engage_date").isBlank())
                .forEach(r -> undated.add(r.get("sales_agent")));
        assertThat(undated).contains("Moses Frase");
        Map<String, CSVRecord> inactivity = new HashMap<>();
        csvRows("rep_inactivity").forEach(r -> inactivity.put(r.get("rep_name"), r));
        assertThat(undated).allSatisfy(rep -> assertThat(inactivity.get(rep).get("is_inactive")).as(rep).isEmpty());
        // the others are judged: some of them are inactive, and they are the ones the headline names
        assertThat(inactivity.values()).anyMatch(r -> r.get("is_inactive").equals("true"));
        assertThat(csvRows("action_triggers")).noneMatch(r -> undated.contains(r.get("subject")));
    }

    @Test
    void monthsBeforeTheDealDataStartsAreUnknownNotZero() throws Exception {
        // The deal data starts on its first engage or close date; a month before it is not a month without bookings.
        String first = pipeline.stream().flatMap(r -> java.util.stream.Stream.of(r.get("engage_date"), r.get("close_date")))
                .filter(d -> !d.isBlank()).min(String::compareTo).orElseThrow();
        String firstMonth = first.substring(0, 8) + "01";
        List<CSVRecord> months = csvRows("bookings_monthly");
        assertThat(months).hasSize(36);
        assertThat(months).filteredOn(r -> r.get("month_start").compareTo(firstMonth) < 0).isNotEmpty()
                .allMatch(r -> r.get("bookings").isEmpty() && r.get("won_count").isEmpty());
        assertThat(months).filteredOn(r -> r.get("month_start").compareTo(firstMonth) >= 0).isNotEmpty()
                .allMatch(r -> !r.get("bookings").isEmpty());
    }

    @Test
    void everyDealCreatedInTheLast12MonthsReachedTheFirstStage() throws Exception {
        // The funnel's cohort: deals engaged (created) in 2017, lost ones included though how far they got is unknown.
        long cohort = pipeline.stream().map(r -> r.get("engage_date"))
                .filter(d -> !d.isBlank() && d.compareTo("2017-01-01") >= 0 && d.compareTo("2017-12-31") <= 0).count();
        CSVRecord first = csvRows("stage_funnel").get(0);
        assertThat(first.get("stage")).isEqualTo("Prospecting");
        assertThat(Long.parseLong(first.get("reached_count"))).isEqualTo(cohort);
        assertThat(Double.parseDouble(first.get("reached_share"))).isEqualTo(1.0);
    }

    private static List<CSVRecord> csvRows(String table) throws Exception {
        return MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/" + table + ".csv"));
    }

    /** The account with the largest revenue (ties broken by name, as RevLens ranks). */
    private static final class RawTop {
        static String of(Map<String, BigDecimal> revenue) {
            return revenue.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .findFirst().orElseThrow().getKey();
        }
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
