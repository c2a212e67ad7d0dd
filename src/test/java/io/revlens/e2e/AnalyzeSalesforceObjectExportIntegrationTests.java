package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revlens analyze} on the public Salesforce object export (one CSV per object, API field names), with no
 * profile and no file removed. Expected figures were computed by hand from Opportunity.csv and Account.csv:
 * the 15 closed deals all close in the 12 months to the as-of date (2024-01-22, their common CreatedDate, the
 * latest transaction date); 12 Closed Won worth 10,542,562.98 and 3 Closed Lost worth 3,058,912.50.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyzeSalesforceObjectExportIntegrationTests {

    Path out;
    Map<String, JsonNode> files = new HashMap<>();

    @BeforeAll
    void analyze(@TempDir Path temp) throws Exception {
        Path dataset = SharedDatasets.require("salesforce-object-export");
        out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", dataset.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
        assertThat(summary.path("as_of_date").asText()).isEqualTo("2024-01-22");
        summary.path("files").forEach(f -> files.put(Path.of(f.path("path").asText()).getFileName().toString(), f));
    }

    @Test
    void eachObjectGoesToItsTableOrIsListedAsNotUsed() {
        assertThat(files.get("Opportunity.csv").path("kind").asText()).isEqualTo("opportunities");
        assertThat(files.get("Opportunity.csv").path("rows_loaded").asLong()).isEqualTo(50);
        assertThat(files.get("Account.csv").path("kind").asText()).isEqualTo("accounts");
        assertThat(files.get("Account.csv").path("rows_loaded").asLong()).isEqualTo(22);
        assertThat(files.get("Lead.csv").path("kind").asText()).isEqualTo("leads");
        assertThat(files.get("Lead.csv").path("rows_loaded").asLong()).isEqualTo(60);
        for (String unused : List.of("Contact.csv", "Campaign.csv", "CampaignMember.csv")) {
            JsonNode file = files.get(unused);
            assertThat(file.path("kind").asText()).as(unused).isEqualTo("unused");
            assertThat(file.path("rows_loaded").asLong()).as(unused).isZero();
            assertThat(file.path("rows_skipped").asLong()).as(unused).isEqualTo(file.path("rows_read").asLong());
            assertThat(file.path("message").asText()).as(unused).contains("not loaded: no metric reads");
        }
    }

    @Test
    void winRateByValueIsWonOverClosedAmount() throws Exception {
        CSVRecord summary = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_summary.csv")).get(0);
        assertThat(summary.get("won_count")).isEqualTo("12");
        assertThat(summary.get("lost_count")).isEqualTo("3");
        // 10,542,562.98 / (10,542,562.98 + 3,058,912.50) = 0.775104...
        assertThat(Double.parseDouble(summary.get("win_rate_by_value")))
                .isCloseTo(10_542_562.98 / (10_542_562.98 + 3_058_912.50), within(1e-9))
                .isCloseTo(0.775104, within(5e-7));
    }

    @Test
    void concentrationNamesAccountsNotIds() throws Exception {
        List<CSVRecord> customers = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/customer_concentration.csv"));
        // Patterson-Hansen's won deals: 1,783,718.34 of 10,542,562.98 = 0.169192
        assertThat(customers.get(0).get("customer_name")).isEqualTo("Patterson-Hansen");
        assertThat(Double.parseDouble(customers.get(0).get("revenue_share"))).isCloseTo(0.169192, within(5e-7));
        assertThat(customers).extracting(r -> r.get("customer_name")).noneMatch(name -> name.startsWith("001"));
        CSVRecord summary = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/concentration_summary.csv")).get(0);
        // HHI = sum over the 9 accounts with won deals of (share x 100)^2 = 1,225.29
        assertThat(Double.parseDouble(summary.get("hhi"))).isCloseTo(1225.29, within(0.005));
    }

    @Test
    void stagesAreInPipelineOrder() throws Exception {
        List<String> stages = new ArrayList<>();
        for (CSVRecord r : MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/stage_funnel.csv"))) {
            stages.add(r.get("stage"));
        }
        assertThat(stages).containsSubsequence("Qualification", "Discovery", "Proposal/Quote", "Negotiation");
    }

    @Test
    void resolvedAccountsAreNotMissingAndUnresolvedOwnersAreCounted() throws Exception {
        List<String> findings = new ArrayList<>();
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + out.resolve("revlens.duckdb"), readOnly);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select finding || ': ' || detail || ' (' || affected_rows || ')'"
                     + " from data_quality_findings order by 1")) {
            while (rs.next()) {
                findings.add(rs.getString(1));
            }
        }
        assertThat(findings).noneMatch(f -> f.startsWith("missing account"));
        assertThat(findings).noneMatch(f -> f.contains("account id not in any accounts export"));
        // No User.csv in this export: all 50 deals name their owner by an id nothing resolves.
        assertThat(findings).anyMatch(f -> f.startsWith("unresolved reference: owner id") && f.endsWith("(50)"));
    }
}
