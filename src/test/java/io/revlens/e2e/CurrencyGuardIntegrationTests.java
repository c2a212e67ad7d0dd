package io.revlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose currency no loaded row is in stops with exit 2 and names the currencies found, instead of printing
 * zero revenue in green; {@code --currency} chooses the data's currency.
 */
class CurrencyGuardIntegrationTests {

    @TempDir
    Path temp;

    private Path euroFolder() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client"));
        Files.writeString(folder.resolve("deals.csv"), "opportunity_id,stage,amount,currency,close_date,created_date,account\n"
                + "1,Won,1000,EUR,2026-01-10,2025-12-01,Acme\n"
                + "2,Lost,500,EUR,2026-01-20,2025-12-05,Beta\n"
                + "3,Won,250,EUR,2026-02-01,2025-12-20,Acme\n", StandardCharsets.UTF_8);
        return folder;
    }

    @Test
    void aDollarAnalysisOfEuroDataStopsAndNamesTheCurrency() throws Exception {
        Path out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", euroFolder().toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("No loaded row is in USD, the run's currency")
                .contains("EUR 3 rows (opportunities 3)").contains("--currency EUR")
                .doesNotContain("Exception");
        assertThat(out.resolve("client-dump-analysis.pdf")).doesNotExist();
    }

    @Test
    void currencyChoosesTheDataCurrency() throws Exception {
        Path out = temp.resolve("out");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", euroFolder().toString(), "--out", out.toString(),
                "--currency", "eur");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        CSVRecord summary = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/win_rate_summary.csv")).get(0);
        // EUR deals closed in the 12 months to 2026-02-01: won 1,000 + 250, lost 500.
        assertThat(summary.get("won_amount")).isEqualTo("1250.00");
        assertThat(summary.get("lost_amount")).isEqualTo("500.00");
    }
}
