package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revlens analyze} on Olist's real MQL -> won-deal funnel, with no profile in the folder. The export holds
 * won deals only (no lost ones, no stage, no amounts, no created dates). Expected figures are counted here from
 * the raw CSVs with commons-csv, never through RevLens's tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyzeOlistFunnelIntegrationTests {

    Path dataset;
    Path out;
    CliRun run;

    @BeforeAll
    void analyze(@TempDir Path temp) throws Exception {
        dataset = SharedDatasets.require("olist-marketing-funnel");
        out = temp.resolve("out");
        run = CliRun.of(temp.resolve("home"), "analyze", dataset.toString(), "--out", out.toString());
    }

    @Test
    void wonDealsAndLeadsAreLoaded() throws Exception {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        // The latest won date in the closed deals is 2018-11-14.
        assertThat(summary.path("as_of_date").asText()).isEqualTo("2018-11-14");
        Map<String, JsonNode> files = new HashMap<>();
        summary.path("files").forEach(f -> files.put(Path.of(f.path("path").asText()).getFileName().toString(), f));
        assertThat(files.get("olist_closed_deals_dataset.csv").path("kind").asText()).isEqualTo("opportunities");
        assertThat(files.get("olist_closed_deals_dataset.csv").path("rows_loaded").asLong()).isEqualTo(842);
        assertThat(files.get("olist_marketing_qualified_leads_dataset.csv").path("kind").asText()).isEqualTo("leads");
        assertThat(files.get("olist_marketing_qualified_leads_dataset.csv").path("rows_loaded").asLong()).isEqualTo(8000);
    }

    @Test
    void leadsFirstContactedInTheLast12MonthsThatBecameWonDeals() throws Exception {
        LocalDate asOf = LocalDate.of(2018, 11, 14);
        Set<String> won = new HashSet<>();
        for (CSVRecord deal : read(dataset.resolve("olist_closed_deals_dataset.csv"))) {
            won.add(deal.get("mql_id"));
        }
        long cohort = 0;
        long became = 0;
        for (CSVRecord lead : read(dataset.resolve("olist_marketing_qualified_leads_dataset.csv"))) {
            LocalDate contact = LocalDate.parse(lead.get("first_contact_date"));
            if (contact.isAfter(asOf.minusMonths(12)) && !contact.isAfter(asOf)) {
                cohort++;
                if (won.contains(lead.get("mql_id"))) {
                    became++;
                }
            }
        }
        assertThat(cohort).isEqualTo(6448);
        assertThat(became).isEqualTo(801);

        Map<String, CSVRecord> stages = new HashMap<>();
        for (CSVRecord r : MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/lead_funnel.csv"))) {
            stages.put(r.get("lead_stage"), r);
        }
        assertThat(stages.get("created").get("reached_count")).isEqualTo(Long.toString(cohort));
        assertThat(stages.get("won").get("reached_count")).isEqualTo(Long.toString(became));
        // 801 / 6,448 = 0.12422...
        assertThat(Double.parseDouble(stages.get("won").get("share_of_created"))).isCloseTo(801.0 / 6448, within(1e-12));
        // Lost deals are not in the export: conversion from opportunity to won would read 100%.
        assertThat(stages.get("opportunity").get("conversion_rate")).isEmpty();
        // The export records no SQL stage (no date for it): its row is left out, not 801 SQLs converting at 100%,
        // and the MQLs' conversion is into the next stage it records, the opportunity: 801 / 6,448.
        assertThat(stages).doesNotContainKey("sql");
        assertThat(Double.parseDouble(stages.get("mql").get("conversion_rate"))).isCloseTo(801.0 / 6448, within(1e-12));
        // The one-off analysis prints it: this export's funnel is a lead funnel (its deals have no created date).
        assertThat(PdfText.of(out.resolve("client-dump-analysis.pdf")).text())
                .contains("Lead funnel").contains("MQL 6448 100.0% 12.4%").contains("Won 801 12.4%");
    }

    @Test
    void theRepScorecardListsEveryRepWithWonDeals() throws Exception {
        Map<String, Integer> winsByRep = new HashMap<>();
        for (CSVRecord deal : read(dataset.resolve("olist_closed_deals_dataset.csv"))) {
            winsByRep.merge(deal.get("sr_id"), 1, Integer::sum);
        }
        List<CSVRecord> scorecard = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/rep_scorecard.csv"));
        assertThat(scorecard).extracting(r -> r.get("rep_name")).containsExactlyInAnyOrderElementsOf(winsByRep.keySet());
        assertThat(scorecard).hasSize(22);
        int most = winsByRep.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(most).isEqualTo(133);
        assertThat(scorecard.get(0).get("won_count_t12m")).isEqualTo("133");
        // No amounts and no open deals in the export: unknown, not $0; no lost deals: no win rate.
        assertThat(scorecard).allSatisfy(r -> {
            assertThat(r.get("bookings_t12m")).isEmpty();
            assertThat(r.get("open_pipeline")).isEmpty();
            assertThat(r.get("win_rate_t12m")).isEmpty();
        });
    }

    @Test
    void winRatesAreNotComputedAndTheReportSaysWhy() throws Exception {
        CSVRecord summary = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_summary.csv")).get(0);
        assertThat(summary.get("won_count")).isEqualTo("842");
        assertThat(summary.get("win_rate")).isEmpty();
        assertThat(summary.get("win_rate_by_value")).isEmpty();
        for (CSVRecord kpi : MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/kpi_scorecard.csv"))) {
            assertThat(kpi.get("status")).as(kpi.get("kpi") + " is unknown, so neither green nor red").isEqualTo("none");
        }
        String pdf = PdfText.of(out.resolve("client-dump-analysis.pdf")).text().replaceAll("\\s+", " ");
        // no rate reads 100% for want of lost deals; the lead funnel's 100% are its leads all being created and MQLs
        String outsideLeadFunnel = pdf.substring(0, pdf.indexOf("Lead funnel")) + pdf.substring(pdf.indexOf("Rep scorecard"));
        assertThat(outsideLeadFunnel).contains("Win rate not computed: the exports hold no lost deals")
                .doesNotContain("100.0%").doesNotContain("null won");
        assertThat(run.out()).contains("no deal has a created date");
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
