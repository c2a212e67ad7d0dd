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
    void aFewRowsInTheRunsCurrencyDoNotStandForTheCompany() throws Exception {
        // An Australian company's invoices: 3 AUD lines and 1 USD line. The job file's USD would make the one dollar
        // customer 100% of revenue; the run stops and says how to choose.
        Path folder = Files.createDirectories(temp.resolve("aud"));
        Files.writeString(folder.resolve("invoices.csv"), "ContactName,InvoiceNumber,InvoiceDate,LineAmount,Currency,Type\n"
                + "Sydney Co,INV-1,05/01/2026,100,AUD,Sales invoice\n"
                + "Perth Co,INV-2,06/02/2026,200,AUD,Sales invoice\n"
                + "Hobart Co,INV-3,07/03/2026,300,AUD,Sales invoice\n"
                + "Seattle Inc,INV-4,08/03/2026,50,USD,Sales invoice\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out-aud");
        CliRun run = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("Only 1 of 4 revenue lines are in USD, the run's currency")
                .contains("3 are in other currencies (AUD 3)").contains("--currency AUD").contains("--currency USD")
                .doesNotContain("Exception");

        // Chosen for the run, the minority currency is reported as asked: the one USD line.
        CliRun chosen = CliRun.of(temp.resolve("home"), "analyze", folder.toString(), "--out", out.toString(), "--currency", "USD");
        assertThat(chosen.exitCode()).as(chosen.out() + chosen.err()).isZero();
        CSVRecord concentration = MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/concentration_summary.csv")).get(0);
        assertThat(concentration.get("total_revenue_t12m")).isEqualTo("50.00");
    }

    @Test
    void aJobFilesMoneyTargetsDoNotCarryIntoAnotherCurrency() throws Exception {
        // The job file sets dollar targets; run in EUR, its revenue and bookings targets are not euro amounts, so
        // they are left out (the win-rate target, a fraction, stays); --set gives euro ones.
        Path jobs = Files.createDirectories(temp.resolve("jobs"));
        Files.writeString(jobs.resolve("euro-board.yml"), """
                description: Board report on a euro company
                company: Euro Co
                currency: USD
                inputs:
                  - path: %s
                reports:
                  - template: board-monthly
                    output: board-report
                targets:
                  t12m_revenue: 7000000
                  bookings_month: 550000
                  win_rate: 0.25
                """.formatted(euroFolder()));
        Path out = temp.resolve("out-targets");
        CliRun run = CliRun.of(temp.resolve("home"), "run", "euro-board", "--jobs", jobs.toString(), "--out", out.toString(),
                "--currency", "EUR", "--as-of", "2026-02-28");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        java.util.Map<String, String> targets = new java.util.HashMap<>();
        MonthlyBoardReportIntegrationTests.csv(out.resolve("metrics/kpi_scorecard.csv")).forEach(r -> targets.put(r.get("kpi"), r.get("target")));
        assertThat(targets).containsEntry("t12m_revenue", "").containsEntry("bookings_month", "").containsEntry("win_rate_t12m", "0.25");

        Path withSet = temp.resolve("out-targets-set");
        CliRun set = CliRun.of(temp.resolve("home"), "run", "euro-board", "--jobs", jobs.toString(), "--out", withSet.toString(),
                "--currency", "EUR", "--as-of", "2026-02-28", "--set", "t12m_revenue=2000");
        assertThat(set.exitCode()).as(set.out() + set.err()).isZero();
        targets.clear();
        MonthlyBoardReportIntegrationTests.csv(withSet.resolve("metrics/kpi_scorecard.csv")).forEach(r -> targets.put(r.get("kpi"), r.get("target")));
        assertThat(Double.parseDouble(targets.get("t12m_revenue"))).isEqualTo(2000.0);
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
